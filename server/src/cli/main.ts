import { bundledPack } from '../host/bundled';
import { runEval } from './eval';

// The command line: `claim-lens check FILE…`, `claim-lens eval FILE.jsonl`.

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'eval': {
      const file = rest.find((arg) => !arg.startsWith('--'));
      if (!file) {
        process.stderr.write('usage: claim-lens eval FILE.jsonl [--all] [--json]\n');
        return 2;
      }
      return runEval(file, [bundledPack()], { json: rest.includes('--json'), all: rest.includes('--all') });
    }
    default:
      process.stderr.write('usage: claim-lens check FILE… | claim-lens eval FILE.jsonl\n');
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
