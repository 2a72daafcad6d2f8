import { imagesInRankOrder } from "../catalog/images-in-rank-order"

describe("imagesInRankOrder", () => {
  it("puts images in the merchant's order (rank, then id), dropping empty entries", () => {
    const images = [
      { id: "img_c", rank: 1, url: "c.png" },
      null,
      { id: "img_b", rank: 0, url: "b.png" },
      { id: "img_a", rank: 1, url: "a.png" },
    ]
    expect(imagesInRankOrder(images).map((i) => i.url)).toEqual(["b.png", "a.png", "c.png"])
  })

  it("takes a missing list as empty", () => {
    expect(imagesInRankOrder(undefined)).toEqual([])
  })
})
