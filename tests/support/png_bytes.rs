//! PNG bytes written by hand, for images that claim more than they hold: a decompression bomb is
//! a header claiming huge dimensions and one tiny data chunk.
//!
//! Shared by the integration tests (through `support`) and the unit tests of `src/images/`
//! (included there by path), so both refuse the same bytes.

/// CRC-32 (IEEE) of `bytes`, as PNG chunks carry it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A PNG whose header claims `width` × `height` RGBA pixels of `bit_depth` bits, with a few
/// bytes of data after it.
pub fn png_claiming(width: u32, height: u32, bit_depth: u8) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([bit_depth, 6, 0, 0, 0]);
    let idat = b"IDAT\x78\x9c\x63\x00\x00\x00\x01\x00\x01".to_vec();
    for chunk in [ihdr, idat] {
        out.extend(((chunk.len() - 4) as u32).to_be_bytes());
        out.extend(&chunk);
        out.extend(crc32(&chunk).to_be_bytes());
    }
    out
}
