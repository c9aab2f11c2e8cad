export * from './quote-pdf-input.ts';
export * from './quote-pdf-labels.ts';
export * from './win-ansi.ts';
export * from './document-format.ts';
export * from './quote-pdf-model.ts';
export * from './quote-pdf-text.ts';
export * from './quote-pdf.ts';
