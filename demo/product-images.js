// Writes one PNG per product and colour under demo/static/products, so the
// demo's catalog has real, locally served images (Medusa serves /static).
// A tiny PNG encoder is enough for flat colours with a stripe pattern.
const fs = require("node:fs")
const path = require("node:path")
const zlib = require("node:zlib")

const SIZE = 600 // Meta recommends at least 500×500 for catalog images

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, "ascii"), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

function hexToRgb(hex) {
  const n = parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** A square of `hex` with diagonal stripes whose spacing depends on `seed`. */
function encodeSwatch(hex, seed) {
  const [r, g, b] = hexToRgb(hex)
  const shade = (v) => Math.max(0, Math.min(255, v > 128 ? v - 40 : v + 40))
  const stripe = 30 + (seed % 5) * 12
  const raw = Buffer.alloc((SIZE * 3 + 1) * SIZE)
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 3 + 1)
    raw[row] = 0
    for (let x = 0; x < SIZE; x++) {
      const band = Math.floor((x + y) / stripe) % 2 === 0
      const i = row + 1 + x * 3
      raw[i] = band ? r : shade(r)
      raw[i + 1] = band ? g : shade(g)
      raw[i + 2] = band ? b : shade(b)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ])
}

function imageFileName(handle, color) {
  return `${handle}-${color.normalize("NFD").replace(/[^\w]/g, "").toLowerCase()}.png`
}

/** Creates the images that are missing; returns how many it wrote. */
function ensureProductImages(catalog, dir) {
  fs.mkdirSync(dir, { recursive: true })
  let written = 0
  catalog.products.forEach((product, index) => {
    for (const color of product.colors) {
      const file = path.join(dir, imageFileName(product.handle, color))
      if (!fs.existsSync(file)) {
        // Written aside, then renamed: a demo started at the same moment never serves half a file.
        const partial = `${file}.${process.pid}.tmp`
        fs.writeFileSync(partial, encodeSwatch(catalog.colors[color], index))
        fs.renameSync(partial, file)
        written++
      }
    }
  })
  return written
}

module.exports = { ensureProductImages, imageFileName }
