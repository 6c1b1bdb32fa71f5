// A program holding a data folder, for the lock tests: `tsx hold-store.ts DIR MS` opens the store
// as browser mode would, prints what happened, holds it for MS milliseconds (0: until killed)
// and closes it.
import { openStore, StoreFault } from '../../../electron/store/index.js';

const [dir, ms] = process.argv.slice(2);
try {
  const store = openStore(dir!, { program: '浏览器模式' });
  store.agencies.list();
  console.log(`opened ${process.pid}`);
  const hold = Number(ms);
  setTimeout(() => {
    store.close();
    console.log('closed');
  }, hold > 0 ? hold : 2 ** 30);
} catch (err) {
  console.log(err instanceof StoreFault ? `fault ${err.kind}: ${err.message}` : `error: ${String(err)}`);
}
