/**
 * WAV (RIFF PCM) reading and writing. espeak-ng writing to stdout cannot seek back, so its header
 * carries placeholder sizes (0x7ffff000); the data chunk is then read to the end of the buffer.
 */
import { KabarError } from '../errors';

/** PCM format of a WAV. */
export interface WavFormat {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
}

/** A parsed WAV: its format, PCM bytes and duration. */
export interface ParsedWav extends WavFormat {
  data: Buffer;
  durationMs: number;
}

/** Reads a RIFF/WAVE PCM buffer; SPEECH_FAILED when it is not one. */
export function parseWav(buffer: Buffer): ParsedWav {
  const bad = (why: string): KabarError => new KabarError('SPEECH_FAILED', `The speech engine's audio is not a WAV file: ${why}.`, { reason: why });
  if (buffer.length < 12 || buffer.toString('ascii', 0, 4) !== 'RIFF' || buffer.toString('ascii', 8, 12) !== 'WAVE') throw bad('no RIFF/WAVE header');
  let format: WavFormat | undefined;
  let at = 12;
  while (at + 8 <= buffer.length) {
    const id = buffer.toString('ascii', at, at + 4);
    const declared = buffer.readUInt32LE(at + 4);
    const start = at + 8;
    if (id === 'fmt ') {
      if (declared < 16 || start + 16 > buffer.length) throw bad('short fmt chunk');
      if (buffer.readUInt16LE(start) !== 1) throw bad('not PCM');
      format = { channels: buffer.readUInt16LE(start + 2), sampleRate: buffer.readUInt32LE(start + 4), bitsPerSample: buffer.readUInt16LE(start + 14) };
    } else if (id === 'data') {
      if (!format || format.sampleRate === 0 || format.channels === 0 || format.bitsPerSample === 0) throw bad('data before a valid fmt chunk');
      const end = Math.min(buffer.length, start + declared);
      const frame = format.channels * (format.bitsPerSample / 8);
      const data = buffer.subarray(start, start + Math.floor((end - start) / frame) * frame);
      return { ...format, data, durationMs: (data.length / frame / format.sampleRate) * 1000 };
    }
    at = start + declared + (declared % 2);
  }
  throw bad('no data chunk');
}

/** Builds a WAV file from PCM bytes. */
export function buildWav(format: WavFormat, data: Buffer): Buffer {
  const header = Buffer.alloc(44);
  const blockAlign = format.channels * (format.bitsPerSample / 8);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(format.channels, 22);
  header.writeUInt32LE(format.sampleRate, 24);
  header.writeUInt32LE(format.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(format.bitsPerSample, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
