// The little of Node these tests use, so that they compile without @types/node.
declare const process: { argv: string[]; exitCode?: number; version: string };
