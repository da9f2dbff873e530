/**
 * A QR code of a short text (a permit's number) as an SVG of its modules, drawn at once from
 * the encoder's matrix: it needs no canvas and prints sharp at any size.
 */
import QRCode from 'qrcode';
import { useMemo } from 'react';

export function QrCode({ text, size, label }: { text: string; size: string; label: string }) {
  const path = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const d: string[] = [];
    for (let y = 0; y < modules.size; y++) for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) d.push(`M${x + 4} ${y + 4}h1v1h-1z`);
    return { d: d.join(''), box: modules.size + 8 };
  }, [text]);
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${path.box} ${path.box}`} shapeRendering="crispEdges">
      <rect width={path.box} height={path.box} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
