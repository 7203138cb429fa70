/** Which words are reported content (src/analyze/attribution.ts), on fictional EN and AR sentences. */
import { describe, expect, it } from 'vitest';
import { hits } from './voice-lexicon.js';

describe('the speaker phrase is the outlet’s voice', () => {
  it('Speaker VERB (that) content: only the content is attributed', () => {
    expect(hits('On Monday, the self-proclaimed republic of Westland announced that the Kiev regime had fallen.')).toEqual([
      'self_proclaimed:authorial',
      'kiev_regime:attributed',
    ]);
    expect(hits('The Kiev regime envoy Zorin said the talks were over.')).toEqual(['kiev_regime:authorial']);
    expect(hits('Zorin, an adviser to the Kiev regime mission in Vienna, claimed the invasion had stalled.')).toEqual([
      'kiev_regime:authorial',
      'invasion:attributed',
    ]);
  });

  it('content, Speaker VERB: the words before the comma are the content', () => {
    expect(hits('The Kiev regime planned the invasion, he said.')).toEqual(['kiev_regime:attributed', 'invasion:attributed']);
    expect(hits('The invasion stalled in March, the Kiev regime spokesman Ivan Zorin said on Tuesday.')).toEqual([
      'invasion:attributed',
      'kiev_regime:authorial',
    ]);
    // `…, Zorin said, adding that …`: the speaker goes on after the verb.
    expect(hits('The referendum was rigged, Zorin said, adding that the invasion went on.')).toEqual(['referendum:attributed', 'invasion:attributed']);
    // A lower-case subject noun phrase: determiner + words.
    expect(hits('The referendum passed, the local election commission said on Monday.')).toEqual(['referendum:attributed']);
    // Set off by commas inside the clause, the report goes on after it; not after a conjunction.
    expect(hits('The Kiev regime, Zorin claimed, was preparing the invasion.')).toEqual(['kiev_regime:attributed', 'invasion:attributed']);
    expect(hits('The referendum was rigged, Zorin said, and the invasion went on.')).toEqual(['referendum:attributed', 'invasion:authorial']);
    expect(hits('The referendum was rigged, Zorin said on Friday, in an address on the invasion.')).toEqual(['referendum:attributed', 'invasion:authorial']);
    // Inverted: `…, said Zorin.`, also after a title's lower-case words.
    expect(hits('The invasion must stop, said Zorin.')).toEqual(['invasion:attributed']);
    expect(hits('The invasion must stop, said presidential spokesman Ivan Zorin.')).toEqual(['invasion:attributed']);
  });

  it('content, Speaker VERB: names in the tail say to whom or where (`told RIA Novosti`)', () => {
    expect(hits('The Kiev regime planned the invasion, Zorin told Radio Westland.')).toEqual(['kiev_regime:attributed', 'invasion:attributed']);
    expect(hits('The invasion stalled, Zorin told the Westland News Agency on Monday.')).toEqual(['invasion:attributed']);
    expect(hits('The invasion stalled, Zorin said in an interview with Nordpost.')).toEqual(['invasion:attributed']);
    expect(hits('The invasion stalled, the ministry spokesman said on Channel One.')).toEqual(['invasion:attributed']);
    // A lower-case word after the names: the verb has content of its own, the words before the
    // comma stay the outlet's.
    expect(hits('The referendum passed, Zorin said Westland had lost the invasion.')).toEqual(['referendum:authorial', 'invasion:attributed']);
    expect(hits('The invasion stalled, Zorin told Radio Westland listeners the referendum was a farce.')).toEqual(['invasion:authorial', 'referendum:attributed']);
  });

  it('content, Speaker VERB citing/quoting a source: the words before the comma are the content', () => {
    expect(hits('The invasion will go on, the Westland News Agency reported citing a ministry source.')).toEqual(['invasion:attributed']);
    expect(hits('The Kiev regime planned the invasion, Nordpost reported on Monday quoting unnamed officials.')).toEqual([
      'kiev_regime:attributed',
      'invasion:attributed',
    ]);
    // With no reporting verb, citing names the outlet's own reason: its words stay its own.
    expect(hits('The Kiev regime shelled the town, citing the invasion as its reason.')).toEqual(['kiev_regime:authorial', 'invasion:authorial']);
    // After content of its own, the verb's: the words before the comma stay the outlet's.
    expect(hits('The referendum passed, Zorin said the invasion went on citing Westland sources.')).toEqual(['referendum:authorial', 'invasion:attributed']);
  });

  it('according to X, content / content, according to X', () => {
    expect(hits('According to the Kiev regime envoy, the invasion stalled.')).toEqual(['kiev_regime:authorial', 'invasion:attributed']);
    expect(hits('The invasion stalled, according to the Kiev regime envoy.')).toEqual(['invasion:attributed', 'kiev_regime:authorial']);
    // `in his words` like `in the words of`.
    expect(hits('In his words, the invasion stalled.')).toEqual(['invasion:attributed']);
    expect(hits('The invasion, in her words, stalled.')).toEqual(['invasion:attributed']);
    expect(hits('ويرفض نظام كييف المفاوضات، على حد وصفه.', 'ar')).toEqual(['kiev_regime:attributed']);
  });

  it('Arabic: قال X إن content — the words before إن are the outlet’s', () => {
    expect(hits('وقال المتحدث باسم نظام كييف إن الغزو توقف.', 'ar')).toEqual(['kiev_regime:authorial', 'invasion:attributed']);
    expect(hits('وفي مقابلة مع صحيفة نظام كييف، قال لافروف إن الغزو توقف.', 'ar')).toEqual(['kiev_regime:authorial', 'invasion:attributed']);
    // Post-posed: `content، قال X.`
    expect(hits('الغزو توقف في الشمال منذ أسبوعين، قال زورين.', 'ar')).toEqual(['invasion:attributed']);
    // A short lead-in before the verb is no content: `وفي وقت سابق، أعلن X …`.
    expect(hits('وفي وقت سابق، أعلن زورين أن الغزو توقف.', 'ar')).toEqual(['invasion:attributed']);
    expect(hits('وفي الغزو، أعلن الجيش السيطرة على بلدة.', 'ar')).toEqual(['invasion:authorial']);
    // بحسب X، content / content، بحسب X
    expect(hits('بحسب مصادر نظام كييف، الغزو توقف.', 'ar')).toEqual(['kiev_regime:authorial', 'invasion:attributed']);
    expect(hits('الغزو توقف، بحسب مصادر نظام كييف.', 'ar')).toEqual(['invasion:attributed', 'kiev_regime:authorial']);
  });

  it('Arabic: feminine and present verbs, كما قال X and على حد تعبير X', () => {
    // An agency or a country is feminine: تشير. قوله "his saying" carries `نقلت X عن Y قوله إن`;
    // نقلت alone is as often "moved".
    expect(hits('ونقلت وكالة ويستلاند عن زورين قوله إن الغزو توقف.', 'ar')).toEqual(['invasion:attributed']);
    expect(hits('ومنذ أسابيع نقلت قوات زورين المئات من جنودها إلى مناطق الغزو.', 'ar')).toEqual(['invasion:authorial']);
    expect(hits('وتشير موسكو إلى أن الغزو توقف.', 'ar')).toEqual(['invasion:attributed']);
    // `content، كما قال X.`: as X said.
    expect(hits('الغزو توقف في الشمال منذ أسبوعين، كما قال زورين للصحفيين.', 'ar')).toEqual(['invasion:attributed']);
    // كما as "also", its verb with an object of its own: the clause before the comma is the outlet's.
    expect(hits('توقف الغزو في الشمال منذ أسبوعين، كما أعلن الجيش السيطرة على بلدة.', 'ar')).toEqual(['invasion:authorial']);
    expect(hits('الغزو توقف في الشمال منذ أسبوعين، على حد تعبير زورين.', 'ar')).toEqual(['invasion:attributed']);
  });

  it('Arabic: an إن/أن inside a relative clause is not the verb’s', () => {
    // تؤكد with an inanimate subject; أن belongs to الذي سبق أن …
    expect(hits('والسيطرة على البلدة تؤكد استمرار الهجوم، الذي سبق أن أتاح لنظام كييف استعادة مناطق.', 'ar')).toEqual(['kiev_regime:authorial']);
    // The relative clause ends at its comma: the إن after it is the verb's.
    expect(hits('وقال المسؤول، الذي طلب عدم الكشف عن اسمه، إن نظام كييف يرفض المفاوضات.', 'ar')).toEqual(['kiev_regime:attributed']);
  });
});


describe('a relative clause set off by commas', () => {
  it('a reporting verb in `…, which X said …,` reports up to the clause’s comma', () => {
    expect(hits('The strike, which the ministry said hit the Kiev regime, preceded the invasion.')).toEqual(['kiev_regime:attributed', 'invasion:authorial']);
    expect(hits('Sanctions, which Zorin called a provocation, followed the invasion.')).toEqual(['sanctions:authorial', 'invasion:authorial']);
    expect(hits('Westland, whose envoy claimed the invasion stalled, imposed sanctions.')).toEqual(['invasion:attributed', 'sanctions:authorial']);
  });

  it('an unclosed clause, a clause without its comma, or a post-posed report still runs on', () => {
    expect(hits('The talks, which Zorin said were over after the invasion')).toEqual(['invasion:attributed']);
    expect(hits('The talks which Zorin said ended with sanctions were long.')).toEqual(['sanctions:attributed']);
    expect(hits('The talks which Zorin said ended the invasion were long, officials added.')).toEqual(['invasion:attributed']);
  });
});


describe('an `as` clause: As Zorin put it, …', () => {
  it('put it, described it … report speech when `as` and a speaker open their clause', () => {
    expect(hits('As Zorin put it, the Kiev regime fell.')).toEqual(['kiev_regime:attributed']);
    expect(hits('As the Kremlin spokesman has put it, the Kiev regime fell.')).toEqual(['kiev_regime:attributed']);
    expect(hits('The Kiev regime fell, as Zorin put it.')).toEqual(['kiev_regime:attributed']);
    expect(hits('The Kiev regime, as the ministry described it, fell.')).toEqual(['kiev_regime:attributed']);
    expect(hits('As Westland sees it, the invasion stalled.')).toEqual(['invasion:attributed']);
  });

  it('not without `as`, not across punctuation, not without a speaker, not with content of their own', () => {
    expect(hits('He put it on the table: the Kiev regime fell.')).toEqual(['kiev_regime:authorial']);
    expect(hits('As expected, Zorin put it to the Kiev regime.')).toEqual(['kiev_regime:authorial']);
    expect(hits('As is, they put it bluntly; the Kiev regime fell.')).toEqual(['kiev_regime:authorial']);
    expect(hits('The Kiev regime fell as the West saw it collapse.')).toEqual(['kiev_regime:authorial']);
    expect(hits('As it stands, Westland put it to the Kiev regime.')).toEqual(['kiev_regime:authorial']);
  });
});


describe('naming verbs report the speaker’s name for a thing', () => {
  it('X calls / labelled / dubbed Y a Z (Arabic تسمي): the name given is attributed, in any tense', () => {
    expect(hits('Moscow calls the war a special military operation.')).toEqual(['smo:attributed']);
    expect(hits('Moscow called the war a special military operation.')).toEqual(['smo:attributed']);
    expect(hits('Westland dubbed the war a special military operation.')).toEqual(['smo:attributed']);
    expect(hits('وتسمي موسكو الحرب عملية عسكرية خاصة.', 'ar')).toEqual(['smo:attributed']);
  });

  it('the object right after the verb is the outlet’s way of naming the thing (object_verbs): authorial', () => {
    expect(hits('Zorin labelled the invasion a special military operation.')).toEqual(['invasion:authorial', 'smo:attributed']);
    expect(hits('Westland describes the invasion as a special military operation.')).toEqual(['invasion:authorial', 'smo:attributed']);
    expect(hits('The Kremlin framed the invasion as a special military operation.')).toEqual(['invasion:authorial', 'smo:attributed']);
    // A quoted name inside the report is a quoted fragment, not a scare quote.
    expect(hits('Zorin called the invasion “a special military operation”.')).toEqual(['invasion:authorial', 'smo:quoted']);
    // `which` right before the verb is its subject; the pronoun after `denies` is no inverted speaker.
    expect(hits('Westland, which calls its invasion a special military operation, denies it.')).toEqual(['invasion:authorial', 'smo:attributed']);
  });

  it('without a determiner, `as` or quote before the name, the object is its determiner and one word', () => {
    expect(hits('Westland calls the invasion illegal.')).toEqual(['invasion:authorial']);
    expect(hits('Zorin branded the sanctions provocations.')).toEqual(['sanctions:authorial', 'provocations:attributed']);
    // A participle clause after a comma: `calling` names as `calls` does.
    expect(hits('Zorin dismissed the report, calling the invasion a special military operation.')).toEqual(['invasion:authorial', 'smo:attributed']);
  });

  it('nouns and things are no speakers: calls for, the strike underlines', () => {
    expect(hits('Westland rejected calls for sanctions over the invasion.')).toEqual(['sanctions:authorial', 'invasion:authorial']);
    // After a possessive a reporting word is a noun.
    expect(hits("Zorin's call for sanctions drew a cool response after the invasion.")).toEqual(['sanctions:authorial', 'invasion:authorial']);
    expect(hits('The strike underlines the threat of the invasion.')).toEqual(['invasion:authorial']);
  });

  it('a second report with a speaker of its own ends the first at the conjunction', () => {
    expect(hits('Zorin calls the sanctions provocations and the Kiev regime calls them an invasion.')).toEqual([
      'sanctions:authorial',
      'provocations:attributed',
      'kiev_regime:authorial',
      'invasion:attributed',
    ]);
    // The same speaker going on: the content runs on.
    expect(hits('Zorin said the sanctions failed and added that the invasion went on.')).toEqual(['sanctions:attributed', 'invasion:attributed']);
  });

  it('no object when no name follows it, or when a naming opener is the object', () => {
    expect(hits('Zorin called for an end to the invasion.')).toEqual(['invasion:attributed']);
    // A determiner after a preposition is inside the object: the name is the next one.
    expect(hits('Zorin called the sanctions over the invasion a provocations campaign.')).toEqual(['sanctions:authorial', 'invasion:authorial', 'provocations:attributed']);
    expect(hits('Zorin hailed the end of the invasion as a special military operation success.')).toEqual(['invasion:authorial', 'smo:attributed']);
    expect(hits('Zorin says the invasion is a provocations campaign.')).toEqual(['invasion:attributed', 'provocations:attributed']);
    // A naming opener as the object: the outlet's own words, distanced (tests/analyze/voice.test.ts).
    expect(hits('What Zorin calls a special military operation has become a war of attrition.')).toEqual(['smo:authorial:dist']);
  });

  it('not passive, not the noun', () => {
    expect(hits('The war was dubbed a special military operation.')).toEqual(['smo:authorial']);
    expect(hits('Phone calls between Zorin and Lavrov followed the invasion.')).toEqual(['invasion:authorial']);
    expect(hits('Calls for sanctions grew after the invasion.')).toEqual(['sanctions:authorial', 'invasion:authorial']);
    // تسمى "is called" folds to تسمي: mid-sentence, with no speaker and no complementizer, it reports nothing.
    expect(hits('شنت ويستلاند حربا تسمى عملية عسكرية خاصة في الشرق.', 'ar')).toEqual(['smo:authorial']);
  });
});

describe('X views / refers to Y as Z', () => {
  it('with a speaker, the words from `as` on are attributed; the object stays the outlet’s', () => {
    expect(hits('Westland views the invasion as a special military operation.')).toEqual(['invasion:authorial', 'smo:attributed']);
    expect(hits('Zorin continues to refer to the war as a special military operation.')).toEqual(['smo:attributed']);
    expect(hits('Officials in Westland regard the sanctions as provocations.')).toEqual(['sanctions:authorial', 'provocations:attributed']);
  });

  it('hail, frame, portray … report only with `as`', () => {
    expect(hits('Zorin hailed the sanctions as provocations.')).toEqual(['sanctions:authorial', 'provocations:attributed']);
    expect(hits('Zorin hailed the soldiers fighting the Kiev regime.')).toEqual(['kiev_regime:authorial']);
    expect(hits('The film portrays life under the Kiev regime.')).toEqual(['kiev_regime:authorial']);
  });

  it('not without `as` after the object, not in the passive, not without a speaker', () => {
    expect(hits('Zorin saw the ruins after the invasion.')).toEqual(['invasion:authorial']);
    expect(hits('Zorin referred to the invasion in his speech.')).toEqual(['invasion:authorial']);
    expect(hits('The invasion is seen as a special military operation in Westland.')).toEqual(['invasion:authorial', 'smo:authorial']);
    expect(hits('Zorin saw the invasion, as the Kiev regime fell.')).toEqual(['invasion:authorial', 'kiev_regime:authorial']);
    expect(hits('Zorin saw the ruins as he spoke of the invasion.')).toEqual(['invasion:authorial']);
    // `as` opening a clause or a conjunction, not a name.
    expect(hits('Westland saw fierce fighting as the invasion entered its second year.')).toEqual(['invasion:authorial']);
    expect(hits('Zorin sees no need for talks as long as the invasion continues.')).toEqual(['invasion:authorial']);
  });
});

describe('In Zorin’s words, …', () => {
  it('a name in the place of `his` in `in his words` (or `in his view`) attributes the sentence like `according to`', () => {
    expect(hits("In Zorin's words, the special military operation is going to plan.")).toEqual(['smo:attributed']);
    expect(hits('In Maria Zorin’s words, the special military operation is going to plan.')).toEqual(['smo:attributed']);
    expect(hits("In Zorin's own words, the special military operation is going to plan.")).toEqual(['smo:attributed']);
    // Without a comma after the phrase: the name is in it, no source follows.
    expect(hits("In Zorin's words the Kiev regime is doomed.")).toEqual(['kiev_regime:attributed']);
    expect(hits('In the view of Westland officials, the invasion stalled.')).toEqual(['invasion:attributed']);
    // A point of view is the speaker's too.
    expect(hits("In the Westland government's view, the special military operation is a defensive war.")).toEqual(['smo:attributed']);
    expect(hits("In Zorin's eyes, the invasion stalled.")).toEqual(['invasion:attributed']);
  });

  it('not without the possessive name and `words` (or a point of view) together', () => {
    expect(hits('In Kyiv, words about the invasion spread.')).toEqual(['invasion:authorial']);
    expect(hits("In Zorin's case, the invasion stalled.")).toEqual(['invasion:authorial']);
    expect(hits("In Zorin's, words failed; the invasion stalled.")).toEqual(['invasion:authorial']);
  });
});

describe('Arabic: …كما قال X at the sentence end', () => {
  it('with or without a comma before كما, when at most two words follow the verb', () => {
    expect(hits('بدأت عملية عسكرية خاصة في الشرق، كما قال زورين.', 'ar')).toEqual(['smo:attributed']);
    expect(hits('بدأت عملية عسكرية خاصة في الشرق كما قال زورين أمس.', 'ar')).toEqual(['smo:attributed']);
  });

  it('not when the verb has an object of its own (كما: also)', () => {
    expect(hits('ونفذت القوات عملية عسكرية خاصة في الشرق كما أعلن الجيش السيطرة على بلدة.', 'ar')).toEqual(['smo:authorial']);
    // A short tail that is no speaker: the verb's object.
    expect(hits('ونفذت القوات عملية عسكرية خاصة في الشرق كما أعلنت ضم المناطق.', 'ar')).toEqual(['smo:authorial']);
  });
});

describe('a speaker is required for attributed', () => {
  it('passive and hearsay forms have no speaker', () => {
    expect(hits('Sanctions said to be imminent')).toEqual(['sanctions:authorial']);
    expect(hits('New sanctions are said to hit the Kiev regime.')).toEqual(['sanctions:authorial', 'kiev_regime:authorial']);
    expect(hits('The invasion was reported by the Kiev regime.')).toEqual(['invasion:authorial', 'kiev_regime:authorial']);
    // "is saying" is progressive: the speaker is there.
    expect(hits('Zorin is saying that the invasion stalled.')).toEqual(['invasion:attributed']);
    expect(hits('The so-called referendum, claimed as a victory, changed nothing.')).toEqual(['referendum:authorial:dist']);
  });

  it('a participle used as an adjective reports nothing', () => {
    expect(hits('Zorin and his aides left Westland following reported shelling by the Kiev regime.')).toEqual(['kiev_regime:authorial']);
    expect(hits('Zorin celebrated the claimed victory over the Kiev regime.')).toEqual(['kiev_regime:authorial']);
    // The verb itself still reports.
    expect(hits('Zorin reported shelling by the Kiev regime.')).toEqual(['kiev_regime:attributed']);
  });

  it('a phrase verb keeps its speaker even in the passive', () => {
    expect(hits('He was quoted as saying by a local outlet that the invasion had stalled.')).toEqual(['invasion:attributed']);
  });

  it('pronouns, speaker nouns and names count', () => {
    expect(hits('She said the invasion had stalled.')).toEqual(['invasion:attributed']);
    expect(hits('The ministry said the invasion had stalled.')).toEqual(['invasion:attributed']);
    expect(hits('Officials from Westland warned that sanctions would follow.')).toEqual(['sanctions:attributed']);
  });

  it('a capitalised reporting word inside a name is no verb', () => {
    expect(hits('The United States imposed sanctions on the Kiev regime.')).toEqual(['sanctions:authorial', 'kiev_regime:authorial']);
  });

  it('a headline `Speaker: claim` stays attributed, other headline text is headline', () => {
    const body = 'Zorin: invasion stalled\n\nSanctions said to be imminent, sources claimed nothing.';
    expect(hits(body, 'en', 23)[0]).toBe('invasion:attributed');
    expect(hits('Invasion stalled\n\nThe Kiev regime fell.', 'en', 16)).toEqual(['invasion:headline', 'kiev_regime:authorial']);
  });

  it('a kicker before a headline colon is a topic label, not a speaker', () => {
    expect(hits('Westland War: Invasion Stalls\n\nText.', 'en', 29)[0]).toBe('invasion:headline');
    expect(hits('Live updates: the invasion stalls\n\nText.', 'en', 33)[0]).toBe('invasion:headline');
    expect(hits('Analysis: why the invasion stalled\n\nText.', 'en', 34)[0]).toBe('invasion:headline');
    expect(hits('عاجل: نظام كييف يرفض المفاوضات\n\nنص.', 'ar', 30)[0]).toBe('kiev_regime:headline');
    // A speaker stays one.
    expect(hits('Westland Defence Ministry: Invasion Stalls\n\nText.', 'en', 42)[0]).toBe('invasion:attributed');
    expect(hits('زورين: نظام كييف يرفض المفاوضات\n\nنص.', 'ar', 31)[0]).toBe('kiev_regime:attributed');
  });
});


describe('reported speech that continues (Arabic openers)', () => {
  const openers = ['وأضاف', 'وتابع', 'وأوضح', 'وأكد', 'وأشار', 'ولفت', 'وشدد', 'واعتبر', 'وزعم', 'وادعى'];
  for (const opener of openers) {
    it(`${opener} at the start of a sentence makes it attributed`, () => {
      expect(hits(`قال زورين إن الوضع صعب. ${opener} أن نظام كييف يرفض الحوار.`, 'ar')).toEqual(['kiev_regime:attributed']);
      // Without the complementizer too: the verb carries its subject.
      expect(hits(`${opener} الوزير على أهمية مواجهة نظام كييف.`, 'ar')).toEqual(['kiev_regime:attributed']);
    });
  }
  it('a sentence with no reporting verb stays authorial', () => {
    expect(hits('نظام كييف يرفض الحوار.', 'ar')).toEqual(['kiev_regime:authorial']);
  });
});

