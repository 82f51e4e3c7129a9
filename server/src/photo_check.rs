//! What an uploaded photo really is. Its first bytes chose the type (`rules::sniff_image`); here
//! the whole file must decode as that type, within a pixel budget (a small file can decode to
//! gigabytes in a browser), as a still image, and it is stored without the metadata a phone
//! writes into it (EXIF with the GPS position, XMP, IPTC, comments). Metadata is cut out of the
//! container, not re-encoded: the pixels stay exactly as uploaded. A JPEG keeps its EXIF
//! orientation (as a minimal EXIF block) so a phone photo still shows upright.
//!
//! Animated GIF/WebP are refused: an inquiry's photo is evidence of something, a still; an
//! animation's frames multiply the decoding cost and hide content a counselor may not see.

use std::io::Cursor;

use image::{ImageFormat, ImageReader};

/// Why a photo is refused after its type was recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It does not decode as the type its bytes claim.
    Corrupt,
    /// More pixels than `max_pixels`.
    TooManyPixels { width: u32, height: u32 },
    /// An animated GIF or WebP.
    Animated,
}

/// Checks `bytes` of the sniffed `content_type` and returns them without metadata.
pub fn check(bytes: &[u8], content_type: &str, max_pixels: u64) -> Result<Vec<u8>, Refusal> {
    let format = match content_type {
        "image/jpeg" => ImageFormat::Jpeg,
        "image/png" => ImageFormat::Png,
        "image/gif" => ImageFormat::Gif,
        "image/webp" => ImageFormat::WebP,
        _ => return Err(Refusal::Corrupt),
    };
    let reader = || ImageReader::with_format(Cursor::new(bytes), format);
    let (width, height) = reader().into_dimensions().map_err(|_| Refusal::Corrupt)?;
    if u64::from(width) * u64::from(height) > max_pixels {
        return Err(Refusal::TooManyPixels { width, height });
    }
    if is_animated(bytes, format)? {
        return Err(Refusal::Animated);
    }
    // Every pixel must decode (a valid header on truncated or garbage data is not a photo);
    // the allocation is bounded by the pixel budget.
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(max_pixels.saturating_mul(8).saturating_add(1 << 20));
    let mut r = reader();
    r.limits(limits);
    r.decode().map_err(|_| Refusal::Corrupt)?;
    Ok(match format {
        ImageFormat::Jpeg => strip_jpeg(bytes).ok_or(Refusal::Corrupt)?,
        ImageFormat::Png => strip_png(bytes).ok_or(Refusal::Corrupt)?,
        ImageFormat::WebP => strip_webp(bytes).ok_or(Refusal::Corrupt)?,
        _ => bytes.to_vec(),
    })
}

fn is_animated(bytes: &[u8], format: ImageFormat) -> Result<bool, Refusal> {
    Ok(match format {
        ImageFormat::Gif => {
            use image::AnimationDecoder as _;
            let decoder = image::codecs::gif::GifDecoder::new(Cursor::new(bytes))
                .map_err(|_| Refusal::Corrupt)?;
            decoder.into_frames().take(2).count() > 1
        }
        ImageFormat::WebP => webp_chunks(bytes)
            .ok_or(Refusal::Corrupt)?
            .iter()
            .any(|(id, data)| *id == b"VP8X" && data.first().is_some_and(|f| f & 0x02 != 0)),
        _ => false,
    })
}

/// The JPEG without APP1 (EXIF, XMP), APP13 (IPTC) and comment segments; an EXIF orientation
/// other than "upright" is kept as a minimal EXIF block. `None` if the structure is broken.
pub fn strip_jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&[0xFF, 0xD8]);
    let mut orientation = None;
    let mut kept_app0 = None;
    let mut i = 2;
    loop {
        // Markers may be padded with 0xFF fill bytes.
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        if *bytes.get(i)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(i + 1)?;
        if marker == 0xDA || marker == 0xD9 {
            // Start of scan (then entropy-coded data to the end) or end of image: the rest
            // is copied as it is.
            if let Some(o) = orientation.filter(|o| (2..=8).contains(o)) {
                let at = kept_app0.unwrap_or(2);
                let exif = minimal_exif(o);
                out.splice(at..at, exif);
            }
            out.extend_from_slice(&bytes[i..]);
            return Some(out);
        }
        if (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            out.extend_from_slice(&bytes[i..i + 2]);
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([*bytes.get(i + 2)?, *bytes.get(i + 3)?]));
        if len < 2 {
            return None;
        }
        let segment = bytes.get(i..i + 2 + len)?;
        let payload = &segment[4..];
        let drop = match marker {
            0xE1 => {
                if let Some(exif) = payload.strip_prefix(b"Exif\0\0") {
                    orientation = orientation.or_else(|| exif_orientation(exif));
                }
                true
            }
            0xED | 0xFE => true,
            _ => false,
        };
        if !drop {
            out.extend_from_slice(segment);
            if marker == 0xE0 && kept_app0.is_none() {
                kept_app0 = Some(out.len());
            }
        }
        i += 2 + len;
    }
}

/// The Orientation tag (0x0112) of IFD0 of a TIFF-structured EXIF block.
fn exif_orientation(tiff: &[u8]) -> Option<u16> {
    let big = match tiff.get(..4)? {
        b"MM\0*" => true,
        b"II*\0" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b = [*tiff.get(at)?, *tiff.get(at + 1)?];
        Some(if big {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b = [
            *tiff.get(at)?,
            *tiff.get(at + 1)?,
            *tiff.get(at + 2)?,
            *tiff.get(at + 3)?,
        ];
        Some(if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    (0..count.min(512))
        .map(|n| ifd + 2 + n * 12)
        .find(|&entry| u16_at(entry) == Some(0x0112))
        .and_then(|entry| u16_at(entry + 8))
}

/// An APP1 segment holding only EXIF Orientation = `o`.
fn minimal_exif(o: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\0*\0\0\0\x08"); // big-endian, IFD0 at 8
    tiff.extend_from_slice(&1u16.to_be_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_be_bytes()); // one value
    tiff.extend_from_slice(&o.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    let len = (2 + 6 + tiff.len()) as u16;
    let mut seg = vec![0xFF, 0xE1];
    seg.extend_from_slice(&len.to_be_bytes());
    seg.extend_from_slice(b"Exif\0\0");
    seg.extend_from_slice(&tiff);
    seg
}

/// The PNG without its metadata chunks (eXIf, tEXt, zTXt, iTXt, tIME).
pub fn strip_png(bytes: &[u8]) -> Option<Vec<u8>> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.get(..8)? != SIGNATURE {
        return None;
    }
    let mut out = SIGNATURE.to_vec();
    let mut i = 8;
    while i < bytes.len() {
        let len =
            usize::try_from(u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?)).ok()?;
        let chunk = bytes.get(i..i + 12 + len)?;
        let kind = &chunk[4..8];
        if !matches!(kind, b"eXIf" | b"tEXt" | b"zTXt" | b"iTXt" | b"tIME") {
            out.extend_from_slice(chunk);
        }
        i += 12 + len;
        if kind == b"IEND" {
            break;
        }
    }
    Some(out)
}

/// A WebP's chunks: (FourCC, data).
fn webp_chunks(bytes: &[u8]) -> Option<Vec<(&[u8; 4], &[u8])>> {
    if bytes.get(..4)? != b"RIFF" || bytes.get(8..12)? != b"WEBP" {
        return None;
    }
    let mut chunks = Vec::new();
    let mut i = 12;
    while i + 8 <= bytes.len() {
        let id: &[u8; 4] = bytes[i..i + 4].try_into().ok()?;
        let len = usize::try_from(u32::from_le_bytes(bytes[i + 4..i + 8].try_into().ok()?)).ok()?;
        let data = bytes.get(i + 8..i + 8 + len)?;
        chunks.push((id, data));
        i += 8 + len + (len & 1);
    }
    Some(chunks)
}

/// The WebP without EXIF and XMP chunks (and their flags in VP8X).
pub fn strip_webp(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::with_capacity(bytes.len());
    body.extend_from_slice(b"WEBP");
    for (id, data) in webp_chunks(bytes)? {
        if id == b"EXIF" || id == b"XMP " {
            continue;
        }
        body.extend_from_slice(id);
        body.extend_from_slice(&(data.len() as u32).to_le_bytes());
        if id == b"VP8X" {
            let mut flags = data.to_vec();
            if let Some(f) = flags.first_mut() {
                *f &= !0x0C; // EXIF (0x08) and XMP (0x04) are gone
            }
            body.extend_from_slice(&flags);
        } else {
            body.extend_from_slice(data);
        }
        if data.len() & 1 == 1 {
            body.push(0);
        }
    }
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(&body);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg_with_gps_and_orientation(orientation: u16) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(16, 8, image::Rgb([200, 40, 40]));
        let mut plain = Vec::new();
        image::DynamicImage::ImageRgb8(img)
            .write_to(&mut Cursor::new(&mut plain), ImageFormat::Jpeg)
            .unwrap();
        // An EXIF block (little-endian) with Orientation and a GPS IFD pointer, after SOI.
        let mut tiff = b"II*\0\x08\0\0\0".to_vec();
        tiff.extend_from_slice(&2u16.to_le_bytes());
        tiff.extend_from_slice(&0x0112u16.to_le_bytes());
        tiff.extend_from_slice(&3u16.to_le_bytes());
        tiff.extend_from_slice(&1u32.to_le_bytes());
        tiff.extend_from_slice(&orientation.to_le_bytes());
        tiff.extend_from_slice(&[0, 0]);
        tiff.extend_from_slice(&0x8825u16.to_le_bytes()); // GPS IFD
        tiff.extend_from_slice(&4u16.to_le_bytes());
        tiff.extend_from_slice(&1u32.to_le_bytes());
        tiff.extend_from_slice(&0u32.to_le_bytes());
        tiff.extend_from_slice(&0u32.to_le_bytes());
        tiff.extend_from_slice(b"GPS 37.5665N 126.9780E");
        let mut app1 = vec![0xFF, 0xE1];
        app1.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
        app1.extend_from_slice(b"Exif\0\0");
        app1.extend_from_slice(&tiff);
        let mut out = plain[..2].to_vec();
        out.extend_from_slice(&app1);
        out.extend_from_slice(&plain[2..]);
        out
    }

    #[test]
    fn a_jpeg_loses_its_exif_but_keeps_its_orientation_and_pixels() {
        let with = jpeg_with_gps_and_orientation(6);
        assert!(with.windows(3).any(|w| w == b"GPS"));
        let clean = check(&with, "image/jpeg", 1_000_000).unwrap();
        assert!(!clean.windows(3).any(|w| w == b"GPS"), "location gone");
        let app1 = clean.windows(6).position(|w| w == b"Exif\0\0").unwrap();
        assert_eq!(
            exif_orientation(&clean[app1 + 6..]),
            Some(6),
            "still rotated"
        );
        let a = image::load_from_memory(&with).unwrap().to_rgb8();
        let b = image::load_from_memory(&clean).unwrap().to_rgb8();
        assert_eq!(a, b, "the same pixels: no re-encode");
        // Upright photos need no EXIF at all.
        let upright = check(&jpeg_with_gps_and_orientation(1), "image/jpeg", 1_000_000).unwrap();
        assert!(!upright.windows(6).any(|w| w == b"Exif\0\0"));
    }

    #[test]
    fn a_signature_alone_too_many_pixels_and_animation_are_refused() {
        assert_eq!(
            check(b"\x89PNG\r\n\x1a\n", "image/png", 1_000_000),
            Err(Refusal::Corrupt)
        );
        let mut truncated = jpeg_with_gps_and_orientation(1);
        truncated.truncate(truncated.len() / 2);
        assert_eq!(
            check(&truncated, "image/jpeg", 1_000_000),
            Err(Refusal::Corrupt)
        );
        let big = jpeg_with_gps_and_orientation(1);
        assert_eq!(
            check(&big, "image/jpeg", 100),
            Err(Refusal::TooManyPixels {
                width: 16,
                height: 8
            })
        );
        let mut gif = Vec::new();
        {
            use image::codecs::gif::GifEncoder;
            let mut enc = GifEncoder::new(&mut gif);
            let frame = |c| {
                image::Frame::new(image::RgbaImage::from_pixel(
                    4,
                    4,
                    image::Rgba([c, 0, 0, 255]),
                ))
            };
            enc.encode_frames(vec![frame(10), frame(200)]).unwrap();
        }
        assert_eq!(check(&gif, "image/gif", 1_000_000), Err(Refusal::Animated));
    }

    #[test]
    fn a_png_loses_its_text_and_exif_chunks() {
        let img = image::RgbaImage::from_pixel(4, 4, image::Rgba([1, 2, 3, 255]));
        let mut plain = Vec::new();
        image::DynamicImage::ImageRgba8(img)
            .write_to(&mut Cursor::new(&mut plain), ImageFormat::Png)
            .unwrap();
        // Insert a tEXt chunk after IHDR (8 + 25 bytes).
        let text = b"Location\0Seoul";
        let mut chunk = (text.len() as u32).to_be_bytes().to_vec();
        chunk.extend_from_slice(b"tEXt");
        chunk.extend_from_slice(text);
        chunk.extend_from_slice(&[0, 0, 0, 0]);
        let mut with = plain[..33].to_vec();
        with.extend_from_slice(&chunk);
        with.extend_from_slice(&plain[33..]);
        let clean = strip_png(&with).unwrap();
        assert_eq!(clean, plain);
    }
}
