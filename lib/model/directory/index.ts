/**
 * Reading a folder of Terraform files (`*.tf.json`, converted `.tf`) as one module:
 * {@link directoryToDocument}. Pure; no cdktf imports, no fs.
 */
export { directoryToDocument, localModuleDirs, localSourceDir } from './to-document';
export type { DirectoryFile } from './merge';
