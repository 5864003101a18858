/**
 * `npm run extract -- --url <page url> <file.html>`: reads a saved messenger page as the extension would
 * (same registry, same adapter) and prints the Conversation as JSON. Users attach this output to reports
 * of chats that do not read right.
 *
 * The page is parsed by jsdom with scripts off and no resource loading: a saved page is untrusted input.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { adapterForUrl, supportedSites } from '../src/content/adapters/registry';

const USAGE = 'usage: npm run extract -- --url <page url> <file.html>';

/** Exit codes: 1 the input could not be read, 2 the command line is wrong. */
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

export type ParsedArguments = { kind: 'run'; url: string; file: string } | { kind: 'help' } | { kind: 'error'; message: string };

export function parseArguments(argv: readonly string[]): ParsedArguments {
  let url: string | undefined;
  const files: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--help' || argument === '-h') return { kind: 'help' };
    if (argument === '--url') {
      const value = argv[++index];
      if (value === undefined || value.startsWith('--')) return { kind: 'error', message: '--url needs a page address.' };
      url = value;
    } else if (argument.startsWith('--url=')) {
      url = argument.slice('--url='.length);
    } else if (argument.startsWith('-') && argument !== '-') {
      return { kind: 'error', message: `unknown option ${argument}.` };
    } else {
      files.push(argument);
    }
  }
  if (!url) return { kind: 'error', message: `--url is required (supported: ${supportedSites().join(', ')}).` };
  if (files.length !== 1) {
    return { kind: 'error', message: files.length ? 'give exactly one HTML file.' : 'give the saved HTML file to read.' };
  }
  return { kind: 'run', url, file: files[0]! };
}

/** The part of jsdom we use; jsdom ships no types and this project adds no @types package for it. */
interface JsdomModule {
  JSDOM: new (html: string, options: { url: string; contentType: string }) => {
    window: { document: Document; close(): void };
  };
}

export interface ExtractIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function runExtract(argv: readonly string[], io: ExtractIo): Promise<number> {
  const parsed = parseArguments(argv);
  if (parsed.kind === 'help') {
    io.stdout(`${USAGE}\nSupported pages: ${supportedSites().join(', ')}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(`extract: ${parsed.message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const adapter = adapterForUrl(parsed.url);
  if (!adapter) {
    io.stderr(`extract: ${parsed.url} is not a supported page. Supported: ${supportedSites().join(', ')}\n`);
    return EXIT_USAGE;
  }
  let html: string;
  try {
    html = await readFile(parsed.file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    io.stderr(`extract: cannot read ${parsed.file}: ${reason}\n`);
    return EXIT_INPUT;
  }
  // A variable specifier keeps TypeScript from demanding jsdom's (absent) type declarations.
  const jsdomSpecifier: string = 'jsdom';
  const { JSDOM } = (await import(jsdomSpecifier)) as JsdomModule;
  const dom = new JSDOM(html, { url: parsed.url, contentType: 'text/html' });
  try {
    io.stdout(`${JSON.stringify(adapter.read(dom.window.document), null, 2)}\n`);
  } finally {
    dom.window.close();
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runExtract(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`extract: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_INPUT;
    },
  );
}
