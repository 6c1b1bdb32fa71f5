/** One `nianbao` subcommand. Exit codes: 0 fine, 1 the check found errors, 2 the input could not be read. */
export interface Command {
  name: string;
  /** one line for `nianbao --help` */
  summary: string;
  /** full usage, printed by `nianbao <name> --help` */
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export function flag(argv: readonly string[], name: string): boolean {
  return argv.includes(name);
}

export function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Every value of an option that may be given more than once (`--agency A --agency B`). */
export function optionAll(argv: readonly string[], name: string): string[] {
  const out: string[] = [];
  argv.forEach((a, i) => {
    if (a === name && argv[i + 1] !== undefined) out.push(argv[i + 1]!);
    else if (a.startsWith(`${name}=`)) out.push(a.slice(name.length + 1));
  });
  return out;
}

/** The arguments that are not options or option values. */
export function positionals(argv: readonly string[], valued: readonly string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      if (valued.includes(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
