import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sourcesDir } from '../host/bundled';

// Links to the shipped source texts: file URIs with a line fragment (VS Code opens
// `file:///…#L9` at line 9).

export function sourceFileUri(file: string): string {
  return pathToFileURL(join(sourcesDir(), file)).href;
}

export function sourceLineLink(file: string, line: number): string {
  return `${sourceFileUri(file)}#L${line}`;
}
