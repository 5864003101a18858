// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parsePackagedLibraries, withPackagedLibraries } from './packaged-libraries';

const GITHUB = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/';
const RECORDS = [
  { model: 'https://huggingface.co/mlc-ai/A-MLC', model_id: 'A-MLC', model_lib: `${GITHUB}A-webgpu.wasm` },
  { model: 'https://huggingface.co/mlc-ai/B-MLC', model_id: 'B-MLC', model_lib: `${GITHUB}B-webgpu.wasm` },
];
const packagedUrl = (file: string) => `chrome-extension://id/model-libs/${file}`;

describe('model libraries in the package', () => {
  it('a default build (no index) keeps web-llm’s list as it is', () => {
    expect(withPackagedLibraries(RECORDS, null, packagedUrl)).toEqual(RECORDS);
  });

  it('a packaged library replaces the GitHub one; others stay remote when allowed', () => {
    const list = withPackagedLibraries(RECORDS, { files: ['A-webgpu.wasm'], remoteAllowed: true }, packagedUrl);
    expect(list.map((record) => record.model_lib)).toEqual(['chrome-extension://id/model-libs/A-webgpu.wasm', `${GITHUB}B-webgpu.wasm`]);
  });

  it('a store build offers only the models whose library is packaged: no code is fetched', () => {
    const list = withPackagedLibraries(RECORDS, { files: ['A-webgpu.wasm'], remoteAllowed: false }, packagedUrl);
    expect(list).toEqual([{ ...RECORDS[0], model_lib: 'chrome-extension://id/model-libs/A-webgpu.wasm' }]);
  });

  it('reads index.json strictly', () => {
    expect(parsePackagedLibraries({ files: ['A-webgpu.wasm'], remoteAllowed: false })).toEqual({ files: ['A-webgpu.wasm'], remoteAllowed: false });
    expect(parsePackagedLibraries({ files: ['A-webgpu.wasm'] })).toEqual({ files: ['A-webgpu.wasm'], remoteAllowed: true });
    expect(parsePackagedLibraries({ files: ['../evil.js'] })).toBeNull();
    expect(parsePackagedLibraries('nope')).toBeNull();
  });
});
