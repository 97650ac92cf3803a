// What the language server's process is started with, beside VS Code's own environment.

/**
 * Variables left out of the server's environment (set to undefined: Node's child_process
 * skips those, and vscode-languageclient lays these over `process.env`).
 *
 * NODE_EXTRA_CA_CERTS: when it is set, Node builds its store of root certificates at start,
 * before running any code (about 90 ms of CPU on a 2-core machine, three times the rest of
 * Node's start), whether or not the process ever opens a TLS connection. The server opens
 * none: it reads drafts, packs and source texts from disk and talks to the editor over IPC.
 */
export const LEFT_OUT = ['NODE_EXTRA_CA_CERTS'] as const;

export function serverEnvironment(): Record<string, string | undefined> {
  return Object.fromEntries(LEFT_OUT.map((name) => [name, undefined]));
}
