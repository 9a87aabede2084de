/** Runs Debian's epubcheck (`java -jar /usr/share/java/epubcheck.jar`) on a book and reads its verdict. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian's epubcheck package puts the jar. */
export const EPUBCHECK_JAR = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';

/** Why epubcheck cannot run here, or null when it can. */
export function epubcheckMissing(): string | null {
  if (!existsSync(EPUBCHECK_JAR)) return `${EPUBCHECK_JAR} is missing (apt-get install epubcheck)`;
  return null;
}

/** epubcheck's counts and its message lines. */
export interface EpubcheckVerdict {
  fatals: number;
  errors: number;
  warnings: number;
  messages: string[];
  output: string;
}

/** Validates one book; the JVM flags only shorten start-up (the checks are the same). */
export function epubcheck(book: string): Promise<EpubcheckVerdict> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', EPUBCHECK_JAR, book],
      { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = `${stdout}\n${stderr}`;
        const counts = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output);
        if (!counts) return reject(new Error(`epubcheck gave no verdict (${error?.message ?? 'no summary'}):\n${output}`));
        resolve({
          fatals: Number(counts[1]),
          errors: Number(counts[2]),
          warnings: Number(counts[3]),
          messages: output.split('\n').filter((l) => /^(FATAL|ERROR|WARNING)/.test(l)),
          output,
        });
      },
    );
  });
}
