//! Generated PNGs for the demo: goods thumbnails and customer photos, so the demo needs no
//! external image host.

use std::io::Cursor;

fn hsv(h: f32, s: f32, v: f32) -> [u8; 3] {
    let h = (h.rem_euclid(360.0)) / 60.0;
    let c = v * s;
    let x = c * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = v - c;
    [r, g, b].map(|u| ((u + m) * 255.0).round() as u8)
}

fn encode(width: u32, height: u32, rgb: &[u8]) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().expect("png header");
        writer.write_image_data(rgb).expect("png data");
    }
    out.into_inner()
}

/// A product shot: a soft backdrop in the product's hue with a rounded "product" shape.
/// `variant` changes the shape so goods of one family differ.
pub fn goods_png(hue: u16, variant: u32) -> Vec<u8> {
    const W: u32 = 240;
    const H: u32 = 240;
    let hue = f32::from(hue);
    let mut px = Vec::with_capacity((W * H * 3) as usize);
    let (cx, cy) = (120.0f32, 124.0f32);
    let shape = variant % 3;
    for y in 0..H {
        for x in 0..W {
            let (fx, fy) = (x as f32, y as f32);
            let backdrop = hsv(hue, 0.10, 0.97 - fy / H as f32 * 0.07);
            let inside = match shape {
                0 => ((fx - cx).powi(2) + (fy - cy).powi(2)).sqrt() < 72.0,
                1 => (fx - cx).abs() < 62.0 && (fy - cy).abs() < 78.0,
                _ => (fx - cx).abs() + (fy - cy).abs() * 0.8 < 88.0,
            };
            let shadow = ((fx - cx).powi(2) / 80.0f32.powi(2)
                + (fy - 206.0).powi(2) / 10.0f32.powi(2))
                < 1.0;
            let c = if inside {
                let shade = 0.92 - (fx - cx + fy - cy) / 600.0;
                hsv(hue + variant as f32 * 7.0, 0.55, shade.clamp(0.45, 0.98))
            } else if shadow {
                hsv(hue, 0.12, 0.82)
            } else {
                backdrop
            };
            px.extend_from_slice(&c);
        }
    }
    encode(W, H, &px)
}

/// A customer's photo (e.g. of a damaged box): diagonal bands with a darker "object".
pub fn photo_png(hue: u16, seed: u32) -> Vec<u8> {
    const W: u32 = 480;
    const H: u32 = 360;
    let hue = f32::from(hue);
    let mut px = Vec::with_capacity((W * H * 3) as usize);
    let ox = 140.0 + (seed % 200) as f32;
    for y in 0..H {
        for x in 0..W {
            let (fx, fy) = (x as f32, y as f32);
            let band = (((fx + fy + seed as f32 * 13.0) / 40.0) as u32).is_multiple_of(2);
            let object = (fx - ox).abs() < 110.0 && (fy - 190.0).abs() < 90.0;
            let c = if object {
                hsv(30.0, 0.45, 0.62 + ((fx + fy) as u32 % 17) as f32 / 200.0)
            } else if band {
                hsv(hue, 0.08, 0.90)
            } else {
                hsv(hue, 0.05, 0.84)
            };
            px.extend_from_slice(&c);
        }
    }
    encode(W, H, &px)
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_images_are_pngs() {
        let g = super::goods_png(200, 1);
        assert_eq!(&g[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(
            crate::rules::sniff_image(&super::photo_png(10, 3)),
            Some("image/png")
        );
    }
}
