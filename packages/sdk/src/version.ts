/** Reported by `describe`, so the platform knows which contract an app speaks. Kept equal to package.json (tested). */
export const SDK_VERSION = "0.1.0";
