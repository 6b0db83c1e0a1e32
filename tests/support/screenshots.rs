//! Pictures of the page for the docs (`tests/screenshots.rs`): at a given size, one device
//! pixel per CSS pixel, through Chrome DevTools commands, since WebDriver itself can neither
//! set the device scale nor scale a screenshot down.

use serde_json::json;

use crate::Browser;

/// Standard base64, as DevTools sends pictures.
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text.bytes().filter(|c| *c != b'=').map(value).collect();
    digits
        .chunks(4)
        .flat_map(|q| {
            let n = q
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, d)| n | (u32::from(*d) << (18 - 6 * i)));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(q.len() - 1)
        })
        .collect()
}

impl Browser {
    /// The page shown at `width`×`height` CSS pixels (as a touch phone when `mobile`), as a
    /// PNG of at most `max_bytes` if scaling it down (to half at most) gets it there; and the
    /// scale it was taken at.
    pub async fn screenshot_png(
        &self,
        (width, height): (u32, u32),
        mobile: bool,
        max_bytes: usize,
    ) -> (Vec<u8>, f64) {
        let metrics =
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile});
        self.cdp("Emulation.setDeviceMetricsOverride", metrics)
            .await;
        // Two frames, so layout follows the new size before the picture.
        self.script_async(
            "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(done));",
            vec![],
        )
        .await;
        // The clip is in page coordinates: the part of the page the window shows now.
        let at = self
            .script("return [window.scrollX, window.scrollY];", vec![])
            .await;
        let mut scale = 1.0;
        loop {
            let clip =
                json!({"x": at[0], "y": at[1], "width": width, "height": height, "scale": scale});
            let v = self
                .cdp(
                    "Page.captureScreenshot",
                    json!({"format": "png", "clip": clip}),
                )
                .await;
            let png = base64(v["data"].as_str().expect("a picture"));
            if png.len() <= max_bytes || scale < 0.55 {
                return (png, scale);
            }
            scale -= 0.1;
        }
    }
}
