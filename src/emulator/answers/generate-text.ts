/**
 * Writes the emulator's answers: readable English assembled from the phrase
 * book in `corpus.ts`, shaped by what the prompt asks for, with every choice
 * drawn from the request's seeded random source (so the same request always
 * gets the same words).
 *
 * @module
 */

import { type Rng, shuffle } from "../prng.js";
import { formatValue, readSum } from "./arithmetic.js";
import {
  bodySentences,
  closers,
  couplets,
  greetings,
  jokes,
  openers,
  shortAnswers,
  singleWords,
  steps,
  thoughts,
  toolClosers,
} from "./corpus.js";
import { readTopic, type Topic } from "./topic.js";

/** The output of a tool, as sent back in a `tool` message. */
export interface ToolResult {
  name: string;
  content: string;
}

/** Writes the answer to a prompt. */
export function writeAnswer(prompt: string, rng: Rng): string {
  const sum = readSum(prompt);
  if (sum) {
    const value = formatValue(sum.value);
    return rng.pick([
      `${sum.expression} = ${value}.`,
      `The answer is ${value}: ${sum.expression} = ${value}.`,
    ]);
  }
  const topic = readTopic(prompt);
  const fill = (template: string) => fillSlots(template, topic);
  switch (topic.intent) {
    case "echo":
      return topic.echo;
    case "greeting":
      return rng.pick(greetings);
    case "one-word":
      return rng.pick(singleWords);
    case "joke":
      return `Here's a light-hearted joke about ${topic.phrase}:\n\n${fill(rng.pick(jokes))}`;
    case "poem":
      return writePoem(topic, rng);
    case "steps":
    case "list":
      return writeSteps(topic, rng);
    case "short":
      return fill(rng.pick(shortAnswers));
    default:
      return writeExplanation(topic, rng);
  }
}

/** Writes what a reasoning model thinks before answering. */
export function writeThinking(prompt: string, rng: Rng): string {
  const topic = readTopic(prompt);
  const picked = shuffle(thoughts, rng).slice(0, rng.int(2, 4));
  return [
    `Okay, the user is asking about ${topic.phrase}.`,
    ...picked,
    "I think I have a clear picture now, so I can write the answer.",
  ].join(" ");
}

/** Writes the answer that follows tool results. */
export function writeToolFollowUp(results: readonly ToolResult[], rng: Rng): string {
  const quote = (text: string) => {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat || "(empty)";
  };
  let body: string;
  if (results.length === 1) {
    const [only] = results as [ToolResult];
    body = rng.pick([
      `Based on the ${only.name} tool, the result is: ${quote(only.content)}.`,
      `Here is what I found with ${only.name}: ${quote(only.content)}.`,
    ]);
  } else {
    const parts = results.map((r) => `${r.name} returned ${quote(r.content)}`);
    body = `I used ${results.length} tools. ${parts.join("; ")}.`;
  }
  return `${body} ${rng.pick(toolClosers)}`;
}

function writeExplanation(topic: Topic, rng: Rng): string {
  const fill = (template: string) => fillSlots(template, topic);
  const body = shuffle(bodySentences, rng);
  const first = rng.int(2, 3);
  const second = rng.int(2, 3);
  const paragraphOne = [rng.pick(openers), ...body.slice(0, first)].map(fill).join(" ");
  const paragraphTwo = [...body.slice(first, first + second), rng.pick(closers)]
    .map(fill)
    .join(" ");
  return `${paragraphOne}\n\n${paragraphTwo}`;
}

function writeSteps(topic: Topic, rng: Rng): string {
  const numbered = topic.intent === "steps";
  const intro = numbered
    ? topic.action
      ? `To ${topic.action}, follow these steps:`
      : `Here is a simple way to approach ${topic.phrase}:`
    : `Here are a few points about ${topic.phrase}:`;
  const items = shuffle(steps, rng)
    .slice(0, rng.int(3, 5))
    .map(([label, text], i) => `${numbered ? `${i + 1}.` : "-"} **${label}**: ${text}`);
  const goal = topic.action ?? `approach ${topic.phrase}`;
  const outro = numbered
    ? `Following these steps will help you ${goal} with confidence.`
    : fillSlots(rng.pick(closers), topic);
  return `${intro}\n\n${items.join("\n")}\n\n${outro}`;
}

function writePoem(topic: Topic, rng: Rng): string {
  const lines = shuffle(couplets, rng)
    .slice(0, rng.pick([2, 4]))
    .flatMap(([a, b]) => [a, b].map((line) => capitalise(fillSlots(line, topic))));
  const stanzas: string[] = [];
  for (let i = 0; i < lines.length; i += 4) stanzas.push(lines.slice(i, i + 4).join("\n"));
  return stanzas.join("\n\n");
}

/** Replaces the `{topic}`-style slots of a template. */
function fillSlots(template: string, topic: Topic): string {
  return template
    .replaceAll("{Topic}", capitalise(topic.phrase))
    .replaceAll("{topic}", topic.phrase)
    .replaceAll("{keyword}", topic.keyword)
    .replaceAll("{action}", topic.action ?? topic.phrase);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
