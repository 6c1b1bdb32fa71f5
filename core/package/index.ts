export * from './manifest.js';
export * from './comments.js';
export { buildPackage, packageFileName, canonicalReportSha256, type PackageInput, type PackageSignature, type BuiltPackage } from './seal.js';
export { openPackage, looksLikePackage, type PackageOpened, type SignatureCheck } from './open.js';
export { CONTAINER_LIMITS } from './container.js';
