/** The paperwork: Word templates filled from case data (the workflow's Documents port). */
export { TemplateDocuments, shippedTemplatesDir, templateFileName, type TemplateDocumentsOptions } from './templateDocuments';
export { MemoryTemplateOverrides } from './memoryTemplateOverrides';
