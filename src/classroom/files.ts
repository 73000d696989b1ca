/**
 * Files the page hands to the person: a PNG drawn from an exported SVG, and downloads. The PNG
 * path is the one the CSP allows (img-src blob:): the SVG becomes a blob URL, an <img> decodes it,
 * a canvas draws it at `scale` times its size and encodes PNG. The document is passed in.
 */

/** Draws an SVG file's text into a PNG blob at `scale` x its CSS size (2 = sharp on projectors). */
export async function svgToPng(
  doc: Document,
  svg: { text: string; width: number; height: number },
  scale = 2,
): Promise<Blob> {
  const view = doc.defaultView;
  if (!view) throw new Error('svgToPng needs a document with a window');
  const url = view.URL.createObjectURL(new view.Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new view.Image();
    image.src = url;
    await image.decode();
    const canvas = doc.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))),
        'image/png',
      ),
    );
  } finally {
    view.URL.revokeObjectURL(url);
  }
}

/** Offers a blob as a download named `filename` (an <a download> click; the URL is freed after). */
export function downloadBlob(doc: Document, blob: Blob, filename: string): void {
  const view = doc.defaultView;
  if (!view) return;
  const url = view.URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), 1000);
}

/** Offers text as a download. */
export function downloadText(doc: Document, text: string, filename: string, type: string): void {
  const view = doc.defaultView;
  if (!view) return;
  downloadBlob(doc, new view.Blob([text], { type }), filename);
}

/** A file-name-safe slug: "Victim: the owner's model" -> "victim-the-owner-s-model". */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'chart'
  );
}
