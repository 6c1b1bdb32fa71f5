import type { Args, Handlers } from '../../core/api.js';
import { looksLikePackage } from '../../core/package/index.js';
import type { ImportOutcome } from '../../core/import/index.js';
import { parsedForReview } from './import.js';
import { importPackage } from './package.js';

/**
 * What 「导入」 reads besides published reports (issue 14): a sealed package (.nianbao), verified
 * before anything is shown. Everything else goes to the importer (core/import, through
 * services/import.ts) unchanged.
 */

type Source = Args<'import.parse'>['source'];

/** The bytes of a file source, when it is one the importer does not read itself. */
export function specialSource(source: Source): ImportOutcome | undefined {
  if (source.kind !== 'file') return undefined;
  const bytes = Buffer.from(source.base64, 'base64');
  // a file too large to send whole came as its first bytes only: the importer explains that
  if (bytes.length !== source.size) return undefined;
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  if (looksLikePackage(view, source.name)) return importPackage(view);
  return undefined;
}

/** The import methods, with packages read here before the importer sees them. */
export function sourceAwareImport<T extends Pick<Handlers, 'import.parse'>>(handlers: T): T {
  return {
    ...handlers,
    'import.parse': async (args) => {
      const special = specialSource(args.source);
      return special ? parsedForReview(special) : handlers['import.parse'](args);
    },
  };
}
