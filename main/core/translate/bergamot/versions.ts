/**
 * Version strings of Remote Settings records ("1.0", "1.1", "2.0a1"), compared the way Firefox's
 * `Services.vc.compare` does (toolkit's version comparator): dot-separated parts, each part
 * `<number><letters><number><rest>`; a part without letters is newer than one with ("1.0" > "1.0a1"),
 * and missing parts count as 0 ("1" == "1.0").
 */

interface VersionPart {
  a: number;
  s: string;
  c: number;
  rest: string;
}

function parsePart(part: string): VersionPart {
  const m = /^(\d*)([^\d]*)(\d*)(.*)$/.exec(part) ?? ['', '', '', '', ''];
  return { a: Number(m[1] || 0), s: m[2] ?? '', c: Number(m[3] || 0), rest: m[4] ?? '' };
}

/** Strings compare with "no letters" after any letters, as in toolkit's comparator. */
function compareStrings(x: string, y: string): number {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  return x < y ? -1 : 1;
}

/** Compares two version strings: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const x = parsePart(pa[i] ?? '0');
    const y = parsePart(pb[i] ?? '0');
    const order = x.a - y.a || compareStrings(x.s, y.s) || x.c - y.c || compareStrings(x.rest, y.rest);
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

/** Whether a version's major number lies in [min, max] (pre-releases of min included, as Firefox does with `${min}.0a`). */
export function inMajorRange(version: string, min: number, max: number): boolean {
  return compareVersions(`${min}.0a`, version) <= 0 && compareVersions(`${max + 1}.0a`, version) > 0;
}
