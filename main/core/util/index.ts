/** Small helpers every core module may use: atomic file writes, bounded concurrency, SHA-256. Imports nothing from core. */
export { fsyncDir, syncFileSystem, tempPathFor, writeFileAtomic, writeFileAtomicSync, type AtomicWriteOptions } from './atomic';
export { mapLimit, runWorkers } from './concurrency';
export { sha256Bytes, sha256File } from './hash';
export { writeFilesInBackground, type FileToWrite } from './file-writer';
