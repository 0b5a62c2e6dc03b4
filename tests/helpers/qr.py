"""QR codes read back from printed sheets, as a phone's camera would:
each sheet of a PDF rendered to an image (pypdfium2) and decoded
(zxing-cpp)."""

from __future__ import annotations

import pypdfium2
import zxingcpp

# About 216 dots per inch: a code printed 25 mm wide is some 200 pixels.
SCALE = 3


def codes_per_sheet(pdf: bytes) -> list[list[str]]:
    """The text of every QR code on each sheet of the PDF, in order."""
    document = pypdfium2.PdfDocument(pdf)
    sheets = []
    try:
        for sheet in document:
            bitmap = sheet.render(scale=SCALE, grayscale=True)
            view = zxingcpp.ImageView(memoryview(bitmap.buffer).cast("B"), bitmap.width, bitmap.height,
                                      zxingcpp.ImageFormat.Lum, bitmap.stride, 1)
            sheets.append([found.text for found in zxingcpp.read_barcodes(view, formats=zxingcpp.BarcodeFormat.QRCode)])
    finally:
        document.close()
    return sheets
