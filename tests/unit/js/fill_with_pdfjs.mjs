// Fill a PDF form the way Firefox does: set values in pdf.js's annotation storage and save.
// Usage: node fill_with_pdfjs.mjs PDFJS_DIR IN.pdf OUT.pdf VALUES.json [PASSWORD]
// VALUES.json maps field names to strings (text fields) or true/false (checkboxes).
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [pdfjsDir, input, output, valuesFile, password] = process.argv.slice(2);
const pdfjs = await import(pathToFileURL(join(pdfjsDir, "legacy/build/pdf.mjs")).href);
const values = JSON.parse(readFileSync(valuesFile, "utf8"));
const doc = await pdfjs.getDocument({
  data: new Uint8Array(readFileSync(input)), password, isEvalSupported: false, verbosity: 0,
}).promise;
const seen = new Set();
for (let number = 1; number <= doc.numPages; number++) {
  const page = await doc.getPage(number);
  for (const annotation of await page.getAnnotations()) {
    const name = annotation.fieldName;
    if (!(name in values)) continue;
    const value = values[name];
    if (annotation.checkBox) {
      doc.annotationStorage.setValue(annotation.id, { value: Boolean(value) });
    } else {
      doc.annotationStorage.setValue(annotation.id, { value: String(value) });
    }
    seen.add(name);
  }
}
writeFileSync(output, await doc.saveDocument());
process.stdout.write(JSON.stringify([...seen].sort()));
await doc.destroy();
