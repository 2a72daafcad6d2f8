const transform = {
  "^.+\\.[jt]sx?$": [
    "@swc/jest",
    { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } },
  ],
}

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform,
      testMatch: [
        "<rootDir>/src/**/__tests__/**/*.spec.ts",
        "<rootDir>/sandbox/__tests__/**/*.spec.ts",
        "<rootDir>/scripts/__tests__/**/*.spec.ts",
        "<rootDir>/demo/__tests__/**/*.spec.ts",
      ],
      // The demo's scripts have unit tests; its build output and its node_modules (a link to this repo) stay out.
      modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/demo/(\\.medusa|node_modules)/"],
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.ts"],
      setupFiles: ["<rootDir>/integration-tests/setup.js"],
      modulePathIgnorePatterns: ["<rootDir>/.medusa/", "<rootDir>/demo/"],
    },
  ],
}
