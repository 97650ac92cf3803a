// The attribution report's webview page: the server's HTML fragment inside a shell whose
// script turns clicks on draft and source links into messages for the extension.

/** Messages the page posts to the extension. */
export type ReportMessage = { type: 'reveal'; line: number } | { type: 'source'; href: string } | { type: 'markdown' };

const STYLE = `
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; line-height: 1.45; }
  .summary { font-weight: bold; }
  section.claim { margin: .8em 0 1.2em; padding-left: .8em; border-left: 3px solid var(--vscode-editorWarning-foreground); }
  section.claim h3 { margin: .2em 0; }
  .meta, .counter, .also, ul.attributed, ul.silenced { color: var(--vscode-descriptionForeground); }
  .framing { font-weight: bold; }
  .framing.unattributed, .framing.misattributed { color: var(--vscode-editorWarning-foreground); }
  .framing.weak, .framing.unclear { color: var(--vscode-editorInfo-foreground); }
  details summary { cursor: pointer; }
  a { color: var(--vscode-textLink-foreground); cursor: pointer; }
  .toolbar { position: sticky; top: 0; background: var(--vscode-editor-background); padding: .5em 0; }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .3em .8em; cursor: pointer; }
`;

/** The webview page around the report's HTML fragment: only its own nonce'd style and script run. */
export function reportPage(body: string, nonce: string, cspSource: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">${STYLE}</style></head>
<body><div class="toolbar"><button id="markdown">Open as Markdown</button></div>
${body}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  document.getElementById('markdown').addEventListener('click', () => vscode.postMessage({ type: 'markdown' }));
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a');
    if (!link) return;
    event.preventDefault();
    if (link.dataset.line) vscode.postMessage({ type: 'reveal', line: Number(link.dataset.line) });
    else if (link.dataset.source) vscode.postMessage({ type: 'source', href: link.getAttribute('href') });
  });
</script></body></html>`;
}
