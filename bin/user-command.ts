// `ksr-host user ...` as a function (tests call it with the words of a command line); the
// command itself lives in bin/commands/user.ts.
export { userCommand } from './commands/user.js';
export { UsageError } from './commands/usage-error.js';
