/**
 * Reading a folder of Terraform files (`*.tf.json`, converted `.tf`) as one module:
 * {@link directoryToDocument}. Pure; no cdktf imports, no fs.
 */
export { directoryToDocument, localModuleDirs, localSourceDir, folderOf } from './to-document';
export { mergeFolder, isOverrideFile, blockBody } from './merge';
export type { DirectoryFile } from './merge';
