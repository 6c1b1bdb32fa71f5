// The Electron fuses of the installed app: switches compiled into the Electron binary that no
// command-line flag or environment variable can turn back. Set by build/after-pack.cjs with
// strictlyRequireAllFuses: an Electron with a fuse this list does not name fails the packaging,
// so a new fuse is decided on, never left at Electron's default.
const FUSES = {
  // ELECTRON_RUN_AS_NODE would turn the installed app into a plain Node for anyone
  RunAsNode: false,
  EnableCookieEncryption: true,
  // NODE_OPTIONS and --inspect would let another program run code inside the app
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // the app's code only from its own app.asar, checked against the hash packed into the binary
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  // the window is served from app://, never file://
  GrantFileProtocolExtraPrivileges: false,
};

/** The configuration @electron/fuses' flipFuses takes (its enums passed in: it is an ES module). */
function fuseConfig(FuseVersion, FuseV1Options) {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true };
  for (const [name, value] of Object.entries(FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`@electron/fuses 不认识 ${name} 这个开关`);
    config[FuseV1Options[name]] = value;
  }
  return config;
}

module.exports = { FUSES, fuseConfig };
