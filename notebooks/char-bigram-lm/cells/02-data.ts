// Alice's Adventures in Wonderland, Lewis Carroll, 1865 — public domain (Project Gutenberg #11).
const TEXT = `Alice was beginning to get very tired of sitting by her sister on the bank, and of having
nothing to do: once or twice she had peeped into the book her sister was reading, but it had no
pictures or conversations in it, 'and what is the use of a book,' thought Alice 'without pictures
or conversations?' So she was considering in her own mind (as well as she could, for the hot day
made her feel very sleepy and stupid), whether the pleasure of making a daisy-chain would be worth
the trouble of getting up and picking the daisies, when suddenly a White Rabbit with pink eyes ran
close by her. There was nothing so very remarkable in that; nor did Alice think it so very much out
of the way to hear the Rabbit say to itself, 'Oh dear! Oh dear! I shall be late!' (when she thought
it over afterwards, it occurred to her that she ought to have wondered at this, but at the time it
all seemed quite natural); but when the Rabbit actually took a watch out of its waistcoat-pocket,
and looked at it, and then hurried on, Alice started to her feet, for it flashed across her mind
that she had never before seen a rabbit with either a waistcoat-pocket, or a watch to take out of
it, and burning with curiosity, she ran across the field after it, and fortunately was just in
time to see it pop down a large rabbit-hole under the hedge. In another moment down went Alice
after it, never once considering how in the world she was to get out again.`;

// Lower case, letters, spaces and a little punctuation; cut into phrases at punctuation, and
// phrases longer than MAX_PHRASE wrapped at a space.
const MAX_PHRASE = 40;
const clean = TEXT.toLowerCase().replace(/\s+/g, ' ').replace(/[^a-z ,.;:!?'-]/g, '');
const phrases = clean
  .split(/(?<=[,.;:!?])\s*/)
  .flatMap((p) => p.trim().match(new RegExp(`.{1,${MAX_PHRASE}}(?= |$)`, 'g')) ?? [])
  .map((p) => p.trim())
  .filter((p) => p.length > 1);
const PAD = 0;
const CHARS = [...new Set(clean)].sort();
const VOCAB = CHARS.length + 1;
const encode = (text: string) => [...text].map((ch) => CHARS.indexOf(ch) + 1);
const decode = (ids: number[]) => ids.map((id) => (id === PAD ? '·' : CHARS[id - 1])).join('');
const split = Math.round(phrases.length * 0.8);
const trainLines = phrases.slice(0, split);
const valLines = phrases.slice(split);
print(`${phrases.length} phrases (${trainLines.length} train, ${valLines.length} validation), vocabulary of ${VOCAB} with padding`);
print(trainLines.slice(0, 4).join(' | '));
