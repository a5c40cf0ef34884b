import type { Workbook } from 'exceljs';
import { zipSync, type ZipEntry } from './zip-archive';

/** What exceljs's writer appends each part of the package to. */
interface PartSink {
  append(data: string | Buffer, options: { name: string; base64?: boolean }): void;
}

type PartStep = (sink: PartSink, model: unknown) => Promise<void> | void;

/** exceljs 4.4's XLSX writer, as its lib/xlsx/xlsx.js defines it (not in its type declarations). */
interface ExcelJsXlsxWriter {
  prepareModel(model: unknown, options: object): void;
  addContentTypes: PartStep;
  addOfficeRels: PartStep;
  addWorkbookRels: PartStep;
  addWorksheets: PartStep;
  addSharedStrings: PartStep;
  addDrawings: PartStep;
  addTables: PartStep;
  addThemes: PartStep;
  addStyles: PartStep;
  addMedia: PartStep;
  addApp: PartStep;
  addCore: PartStep;
  addWorkbook: PartStep;
}

/** The order of XLSX.write: shared strings are known only once the worksheets are rendered. */
const steps = [
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
  'addSharedStrings',
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const satisfies readonly (keyof ExcelJsXlsxWriter)[];

/**
 * The .xlsx bytes of an exceljs workbook, synchronously.
 *
 * Core answers each call inside one synchronous transaction, and exceljs's writeBuffer is
 * asynchronous only because it zips with JSZip: each step that renders a part is an async
 * function whose work is synchronous (no await inside, media aside, which these workbooks do not
 * carry). So the parts are rendered by exceljs's own writer, in its order, then zipped here. A step
 * that failed leaves its part missing, and that is checked: a broken file is never returned.
 * Tests read the result back with exceljs's public reader.
 */
export function renderXlsxSync(workbook: Workbook): Buffer {
  const writer = workbook.xlsx as unknown as ExcelJsXlsxWriter;
  const parts = new Map<string, Buffer>();
  const sink: PartSink = {
    append(data, options) {
      const bytes =
        typeof data === 'string' ? Buffer.from(data, options.base64 ? 'base64' : 'utf8') : data;
      parts.set(options.name, bytes);
    },
  };
  const model = workbook.model as { worksheets: { id: number }[] };
  writer.prepareModel(model, {});
  for (const step of steps) {
    const pending = writer[step](sink, model);
    // A failure shows below as a missing part; logged here, and never an unhandled rejection.
    pending?.catch((error: unknown) => console.error(`[core] xlsx ${step} failed`, error));
  }
  const required = [
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/_rels/workbook.xml.rels',
    'xl/workbook.xml',
    'xl/styles.xml',
    'docProps/app.xml',
    'docProps/core.xml',
    ...model.worksheets.map((sheet) => `xl/worksheets/sheet${sheet.id}.xml`),
  ];
  const missing = required.filter((name) => !parts.has(name));
  if (missing.length > 0) throw new Error(`xlsx rendering left out ${missing.join(', ')}`);
  const entries: ZipEntry[] = [...parts].map(([name, data]) => ({ name, data }));
  return zipSync(entries, workbook.modified ?? new Date(0));
}
