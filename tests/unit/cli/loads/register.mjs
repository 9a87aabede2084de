// @ts-check
/**
 * `node --import ./register.mjs PROGRAM`: records every module PROGRAM's ES imports resolve to,
 * one URL a line, in the file named by KABAR_RECORD_LOADS (tests check what `kabar list` loads).
 */
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
