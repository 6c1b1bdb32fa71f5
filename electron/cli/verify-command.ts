import fs from 'node:fs';
import { CONTAINER_LIMITS, MEMBER_LABELS, openPackage, openRemarks } from '../../core/package/index.js';
import { packageSummary, refusal, sealShort } from '../services/package.js';
import { flag, positionals, type Command } from './command.js';
import { readFailure } from './read-report.js';

/**
 * `nianbao verify X.nianbao`: checks a package as opening it in the app does, and says what it
 * holds — or what changed since it was sealed.
 */

const EXIT = { intact: 0, tampered: 1, unreadable: 2 } as const;

export const verifyCommand: Command = {
  name: 'verify',
  summary: '核验报送包（.nianbao）是否完好，列出其中的内容；被改动过的说明改了哪里',
  usage: [
    'nianbao verify 报送包.nianbao [--json]',
    '  核对封签和每个文件的 SHA-256：任何一个字节在封装后被改动，都会被发现并指出是哪个文件。',
    '  --json   以 JSON 输出（status: intact | tampered | unreadable）',
    '  退出码：0 完好；1 被改动过（会列出改动的地方）；2 不是报送包或读不了。',
  ].join('\n'),
  async run(argv, io) {
    const [file] = positionals(argv);
    if (!file) {
      io.err('请给出要核验的报送包，例如：nianbao verify 报送包.nianbao');
      return EXIT.unreadable;
    }
    let bytes: Uint8Array;
    try {
      const size = fs.statSync(file).size;
      if (size > CONTAINER_LIMITS.maxBytes) {
        io.err(`「${file}」有 ${(size / 1024 / 1024).toFixed(0)} MB，不是报送包（报送包通常只有几 MB）。`);
        return EXIT.unreadable;
      }
      bytes = new Uint8Array(fs.readFileSync(file));
    } catch (err) {
      io.err(`无法读取 ${file}：${readFailure(err)}`);
      return EXIT.unreadable;
    }
    const opened = openPackage(bytes);
    if (flag(argv, '--json')) {
      const body =
        opened.status === 'intact'
          ? { status: opened.status, manifest: opened.manifest, notes: opened.notes }
          : opened.status === 'tampered'
            ? { status: opened.status, problems: opened.problems }
            : { status: opened.status, message: opened.message };
      io.out(JSON.stringify(body, null, 2));
      return EXIT[opened.status];
    }
    if (opened.status !== 'intact') {
      io.err(refusal(opened));
      return EXIT[opened.status];
    }
    const { manifest } = opened;
    io.out(`完好：${packageSummary(manifest)}`);
    io.out(`封签 ${sealShort(manifest)}（${manifest.createdAt.slice(0, 10)} 由${manifest.generator.app} ${manifest.generator.version} 封装）`);
    if (manifest.signoff) io.out(`定稿：${manifest.signoff.version}，${manifest.signoff.signedAt.slice(0, 10)}；校验码 ${manifest.signoff.short}（与定稿版本的校验码一致：审批单上、正式版的文件属性里都是它）`);
    for (const m of manifest.members) io.out(`  ${MEMBER_LABELS[m.role]}  ${m.path}  ${m.size} 字节  SHA-256 ${m.sha256}`);
    if (opened.comments) io.out(`意见 ${opened.comments.items.length} 条，未答复 ${openRemarks(opened.comments).length} 条`);
    for (const n of opened.notes) io.out(`注意：${n}`);
    return EXIT.intact;
  },
};
