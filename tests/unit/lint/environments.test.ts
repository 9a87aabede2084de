/**
 * One tsconfig per environment: a planted file type-checked with the renderer's options may not
 * use Node (Buffer), the same file passes with the Node options; and main/core may not touch a
 * browser global (lint, since jsdom's types bring DOM into any program that imports it).
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');

/** The diagnostics of one planted file compiled with a project's options (its own files left out). */
function diagnostics(project: string, source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(`${ROOT}/${project}`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`cannot read ${project}`);
  const planted = `${ROOT}/planted-environment-probe.ts`;
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === planted ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === planted || fileExists(name);
  const program = ts.createProgram([planted], config.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('one tsconfig per environment', () => {
  const usesBuffer = 'export const size: number = Buffer.byteLength("kabar");\n';

  it('refuses Node types in the renderer', () => {
    expect(diagnostics('tsconfig.web.json', usesBuffer).join('\n')).toMatch(/Cannot find name 'Buffer'/);
  });

  it('allows them in main', () => {
    expect(diagnostics('tsconfig.node.json', usesBuffer)).toEqual([]);
  });

  it('refuses DOM globals in main when nothing brings DOM types in', () => {
    expect(diagnostics('tsconfig.node.json', 'export const title: string = document.title;\n').join('\n')).toMatch(/Cannot find name 'document'/);
  });

  it('refuses browser globals in main/core by lint', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText('export const title = document.title;\n', { filePath: `${ROOT}/main/core/articles/planted.ts` });
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['no-restricted-globals']);
  });
});
