const { parseSplitArgs, splitProcesses } = require("../split-args")

describe("parseSplitArgs", () => {
  it("is null without --workers: the one-process demo", () => {
    expect(parseSplitArgs([])).toBeNull()
    expect(parseSplitArgs(["--reset", "--skip-build", "--verbose"])).toBeNull()
  })

  it("reads --workers and --servers in both spellings; two servers unless told", () => {
    expect(parseSplitArgs(["--workers", "2"])).toEqual({ workers: 2, servers: 2, verbose: false })
    expect(parseSplitArgs(["--workers=3", "--servers=1", "--verbose"])).toEqual({ workers: 3, servers: 1, verbose: true })
    expect(parseSplitArgs(["--skip-build", "--servers", "4", "--workers", "1"])).toEqual({ workers: 1, servers: 4, verbose: false })
  })

  it("refuses counts that are not whole numbers of at least 1, and --servers alone", () => {
    expect(() => parseSplitArgs(["--workers"])).toThrow("--workers needs a whole number of at least 1 (got nothing)")
    expect(() => parseSplitArgs(["--workers", "0"])).toThrow("--workers needs a whole number")
    expect(() => parseSplitArgs(["--workers=1.5"])).toThrow("--workers needs a whole number")
    expect(() => parseSplitArgs(["--workers", "2", "--servers", "two"])).toThrow("--servers needs a whole number")
    expect(() => parseSplitArgs(["--servers", "2"])).toThrow("--servers needs --workers")
  })
})

describe("splitProcesses", () => {
  it("lists the servers first, then the workers, each with its tag and worker mode", () => {
    expect(splitProcesses({ servers: 2, workers: 1 })).toEqual([
      { tag: "server-1", mode: "server" },
      { tag: "server-2", mode: "server" },
      { tag: "worker-1", mode: "worker" },
    ])
  })
})
