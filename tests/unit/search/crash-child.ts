/** Child process for the kill test: adds documents forever, compacting often, printing each confirmed add (a N) and remove (r N). */
import { openSearchIndex } from '../../../main/core/search/index';

const dir = process.argv[2];
const ix = await openSearchIndex(dir, { compactAfterDocs: 7 });
for (let i = 0; ; i++) {
  await ix.add(`doc${i}`, { title: `title ${i}`, body: `body text uniq${i}q ${'filler words here '.repeat(50)}` });
  process.stdout.write(`a ${i}\n`);
  if (i % 3 === 2) {
    await ix.remove(`doc${i - 1}`);
    process.stdout.write(`r ${i - 1}\n`);
  }
  if (i % 11 === 0) void ix.compact();
}
