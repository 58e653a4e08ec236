/**
 * The built-in phrase book the emulator writes its answers from. Slots:
 * `{topic}` (a noun phrase from the prompt), `{Topic}` (the same, capitalised),
 * `{keyword}` (one salient word of the prompt), `{action}` (a verb phrase such
 * as "cross the street"; only used when the prompt gave one).
 *
 * @module
 */

/** First sentences of an explanation. */
export const openers: readonly string[] = [
  "{Topic} is a subject that rewards a careful look.",
  "Good question! {Topic} comes up often, and the basics are easier than they seem.",
  "Here is a short overview of {topic}.",
  "Let's break {topic} down into a few simple ideas.",
  "At its heart, {topic} is about making sensible choices in the right order.",
  "There is a lot to say about {topic}, so I will focus on what matters most.",
];

/** Middle sentences of an explanation; any order reads well. */
export const bodySentences: readonly string[] = [
  "The first thing to understand is that {topic} depends on context, so there is rarely a single right answer.",
  "Most people begin with the fundamentals and add detail only when they need it.",
  "A practical approach is to start small, check the results, and adjust as you go.",
  "It helps to separate what you know for certain from what you are assuming.",
  "People who are good at {topic} tend to keep things simple and explain their reasoning clearly.",
  "Common mistakes usually come from rushing the early steps or skipping a careful review.",
  "Keeping notes as you go makes it much easier to spot patterns later.",
  "If you are new to {topic}, a good guide or a patient mentor can save a lot of time.",
  "The details matter, but the overall direction matters more.",
  "Small, steady improvements usually beat one large change made all at once.",
  "It is worth asking what problem you are really trying to solve before choosing a method.",
  "Good tools help, yet clear thinking about {keyword} helps even more.",
  "Over time, the ideas behind {topic} become second nature.",
  "Many of the best resources on {topic} are short, practical and full of examples.",
  "There are trade-offs, and being honest about them leads to better decisions.",
  "When something goes wrong, the cause is often simpler than it first appears.",
  "Sharing what you learn about {keyword} with others is a great way to understand it better.",
];

/** One-sentence answers. */
export const shortAnswers: readonly string[] = [
  "In short, {topic} is best understood through a few clear examples and some patient practice.",
  "The short answer: {topic} depends on context, but the fundamentals rarely change.",
  "Put simply, {topic} rewards curiosity, care and a willingness to learn from mistakes.",
  "{Topic} is a good example of how small, careful steps lead to lasting results.",
];

/** Last sentences of an answer. */
export const closers: readonly string[] = [
  "I hope this gives you a useful starting point.",
  "Let me know if you would like more detail on any part of this.",
  "If you share more about your situation, I can tailor the advice.",
  "In short, take it one step at a time and you will make steady progress.",
];

/** Numbered-step items: a bold label and a sentence. */
export const steps: readonly (readonly [string, string])[] = [
  ["Prepare", "Take a moment to understand the situation before you act."],
  ["Check your surroundings", "Look for anything that could get in the way."],
  ["Start small", "Begin with the simplest version and build from there."],
  ["Stay focused", "Give the task your full attention until it is done."],
  ["Review", "Look back at what worked and what did not."],
  ["Ask for help", "If something is unclear, ask someone with more experience."],
  ["Be patient", "Progress can be slow at first, and that is normal."],
  ["Stay safe", "Never skip a step that protects you or others."],
];

/** Jokes; a blank line separates set-up and punchline. */
export const jokes: readonly string[] = [
  "Why did {topic} go to therapy?\n\nBecause it had too many unresolved issues!",
  "Why don't secrets last long around {topic}?\n\nBecause sooner or later everything gets logged!",
  "I asked an expert on {topic} for a joke about timing...\n\nThey said they would get back to me later.",
  'What did one fan of {topic} say to the other?\n\n"Let\'s keep this conversation streaming!"',
  "How many experts on {topic} does it take to change a light bulb?\n\nJust one, but they write three reports about it first.",
];

/** Rhyming couplets for poems. */
export const couplets: readonly (readonly [string, string])[] = [
  ["In quiet hours, {topic} hums along,", "a steady thread, a patient song."],
  ["Each little piece arrives in time,", "a word, a pause, a gentle rhyme."],
  ["Like rain that falls on city streets,", "{topic} keeps its quiet beats."],
  ["And though the night is long and deep,", "its promises are ours to keep."],
  ["The morning light, the open page,", "a story told from stage to stage."],
  ["We gather sparks and let them fly,", "like lanterns drifting through the sky."],
];

/** Sentences a reasoning model thinks with. */
export const thoughts: readonly string[] = [
  "I should start with the basics and then add a few practical details.",
  "Let me think about what matters most here.",
  "It would help to organise the answer into clear points.",
  "I need to make sure the answer is accurate and easy to follow.",
  "The user probably wants something practical rather than theoretical.",
  "Maybe I should mention a common mistake to avoid.",
  "I should keep the answer focused and not too long.",
];

/** Greetings answered to a greeting. */
export const greetings: readonly string[] = [
  "Hello! How can I help you today?",
  "Hi there! What would you like to talk about?",
  "Hello! I'm happy to help. What's on your mind?",
];

/** Words for "say one word". */
export const singleWords: readonly string[] = [
  "Aardvark",
  "Whisper",
  "Cobalt",
  "Lantern",
  "Meadow",
  "Harbor",
  "Velvet",
  "Orchard",
  "Ember",
  "Quartz",
];

/** Sentences that follow tool results. */
export const toolClosers: readonly string[] = [
  "Let me know if you need anything else.",
  "I hope that answers your question.",
  "Tell me if you would like me to look up anything more.",
];
