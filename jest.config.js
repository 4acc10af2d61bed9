/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // jest's default is cores - 1: a single worker on a 2-core machine (32 s instead of 21 s here)
  maxWorkers: '100%',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/cdktf.out/'],
};
