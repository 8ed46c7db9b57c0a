import { describe, expect, it } from "vitest";
import { calibrateAbstention } from "../src/triage/abstention.js";
import { classify, DEFAULT_CLASSIFIER_OPTIONS, trainClassifier } from "../src/triage/classifier.js";
import { fitVectorizer, vectorize } from "../src/triage/features.js";

const rows = [
  ...[
    "where is my parcel",
    "my package did not arrive",
    "track my delivery",
    "parcel still not delivered",
    "delivery is late",
  ].map((text) => ({ text, label: "shipping" })),
  ...[
    "reset my password",
    "cannot log in",
    "forgot my password",
    "login fails with my password",
    "locked out of login",
  ].map((text) => ({ text, label: "login" })),
  ...[
    "refund my purchase",
    "I want my money back",
    "please refund the charge",
    "money back for the order",
    "refund request",
  ].map((text) => ({ text, label: "refund" })),
];

describe("features", () => {
  it("gives unit-length vectors and ignores unknown terms", () => {
    const vectorizer = fitVectorizer(["hello world", "hello there"]);
    const v = vectorize(vectorizer, "hello world");
    const norm = Math.hypot(...v.values);
    expect(norm).toBeCloseTo(1, 5);
    expect(vectorize(vectorizer, "zzzz qqqq").indices.length).toBe(0);
  });
});

describe("trainClassifier", () => {
  it("learns the labels, including unseen phrasings and typos", () => {
    const classifier = trainClassifier(rows, { ...DEFAULT_CLASSIFIER_OPTIONS, abstainBelow: 0 });
    expect(classify(classifier, "my parcel has not been delivered yet").label).toBe("shipping");
    expect(classify(classifier, "i forgot my pasword").label).toBe("login");
    expect(classify(classifier, "give me a refund").label).toBe("refund");
  });

  it("is deterministic: the same rows give the same model", () => {
    const a = trainClassifier(rows);
    const b = trainClassifier(rows);
    expect(a.abstainBelow).toBe(b.abstainBelow);
    expect(classify(a, "refund please")).toEqual(classify(b, "refund please"));
  });

  it("abstains below its threshold and on the out-of-scope class", () => {
    const strict = trainClassifier(rows, { ...DEFAULT_CLASSIFIER_OPTIONS, abstainBelow: 0.99 });
    expect(classify(strict, "where is my parcel").abstained).toBe(true);
    const withOos = trainClassifier(
      [
        ...rows,
        ...["what is the weather", "tell me a joke", "who won the game"].map((text) => ({ text, label: "oos" })),
      ],
      { ...DEFAULT_CLASSIFIER_OPTIONS, abstainBelow: 0 },
    );
    const joke = classify(withOos, "tell me a funny joke");
    expect(joke.label).toBe("oos");
    expect(joke.abstained).toBe(true);
  });

  it("is less confident about a text unlike any example", () => {
    const classifier = trainClassifier(rows, { ...DEFAULT_CLASSIFIER_OPTIONS, abstainBelow: 0 });
    expect(classify(classifier, "xylophone orchestra").confidence).toBeLessThan(
      classify(classifier, "where is my parcel").confidence,
    );
  });
});

describe("calibrateAbstention", () => {
  const p = (confidence: number, correct: boolean, outOfScope = false) => ({
    confidence,
    correct,
    outOfScope,
    predictedOutOfScope: false,
  });

  it("abstains where predictions turn more likely wrong than right", () => {
    const threshold = calibrateAbstention([p(0.9, true), p(0.8, true), p(0.4, false), p(0.3, false), p(0.6, true)]);
    expect(threshold).toBeGreaterThan(0.4);
    expect(threshold).toBeLessThan(0.6);
  });

  it("never abstains when every prediction is right", () => {
    expect(calibrateAbstention([p(0.2, true), p(0.5, true)])).toBe(0);
  });

  it("weighs a few out-of-scope rows as much as many in-scope ones", () => {
    const inScope = Array.from({ length: 20 }, (_, i) => p(0.5 + i * 0.02, true));
    const threshold = calibrateAbstention([...inScope, p(0.3, false, true), p(0.35, false, true)]);
    expect(threshold).toBeGreaterThan(0.35);
    expect(threshold).toBeLessThan(0.5);
  });
});
