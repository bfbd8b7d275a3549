import LitCoderCore

/// A small SER-like codebook and corpus written for these tests (not copied from anywhere).
enum Fixtures {
    static let codebook = Codebook(
        id: "ser-test", title: "SER test codebook", version: "1",
        dimensions: [
            Dimension(id: "motivation", label: "Motivation", kind: .multi, required: true, codes: [
                Code(id: "healthcare", label: "Healthcare", definition: "Clinical or wellbeing use: depression screening, therapy support.",
                     include: "Mental health, elderly care, autism.", exclude: "Generic 'human wellbeing' without a clinical setting.",
                     aliases: ["depression", "clinical", "health"]),
                Code(id: "call-centre", label: "Call centre", definition: "Customer service calls.", aliases: ["call cent(er|re)", "customer service"]),
                Code(id: "voice-assistant", label: "Voice assistant", definition: "Smart speakers and assistants.", aliases: ["voice assistant", "smart speaker"]),
                Code(id: "hci-general", label: "HCI (general)", definition: "Human-computer interaction with no specific application."),
                Code(id: "none", label: "None stated", definition: "No motivation given."),
            ]),
            Dimension(id: "datasets", label: "Datasets", kind: .multi, codes: [
                Code(id: "iemocap", label: "IEMOCAP", definition: "Interactive Emotional Dyadic Motion Capture: acted dyadic sessions.", aliases: ["IEMOCAP"]),
                Code(id: "msp-podcast", label: "MSP-Podcast", definition: "Natural podcast speech.", aliases: ["MSP-Podcast"]),
                Code(id: "emodb", label: "EmoDB", definition: "Berlin acted German speech.", aliases: ["EmoDB", "Berlin database"]),
                Code(id: "ravdess", label: "RAVDESS", definition: "Acted North American English.", aliases: ["RAVDESS"]),
                Code(id: "other", label: "Other", definition: "Any dataset not listed."),
            ]),
            Dimension(id: "setting", label: "Recording setting", kind: .single, codes: [
                Code(id: "acted", label: "Acted", definition: "Actors portray emotions."),
                Code(id: "induced", label: "Induced", definition: "Emotions elicited by a task."),
                Code(id: "natural", label: "Natural", definition: "Spontaneous speech in the wild."),
            ]),
            Dimension(id: "comment", label: "Comment", kind: .text, help: "Anything the next coder should know."),
        ],
        contentHash: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")

    static let longAbstract = (1...400).map { "Sentence \($0) of a very long abstract about IEMOCAP and other corpora." }.joined(separator: " ")

    static let papers: [Paper] = [
        Paper(id: "P001", title: "Detecting depression from speech with deep emotion features",
              authors: ["Nguyen, An", "Schmidt, Lena", "Okafor, Chidi"], year: 2021, venue: "Interspeech",
              abstract: "We study clinical depression screening from short voice recordings. Models trained on IEMOCAP transfer poorly to patient interviews, while MSP-Podcast pretraining helps.\n\nWe release code."),
        Paper(id: "P002", title: "Emotion-aware voice assistants", authors: ["Lee, Min"], year: 2022, venue: "ICASSP",
              abstract: "Smart speaker users expect empathy. We evaluate on EmoDB and RAVDESS and report unweighted accuracy."),
        Paper(id: "P003", title: "Call centre analytics with speech emotion recognition", authors: ["Garcia, Ana"], year: 2019,
              abstract: "Customer service quality monitoring using acoustic features on a proprietary call center corpus."),
        Paper(id: "P004", title: "A survey that never ends", authors: ["Long, Writer"], year: 2020, venue: "Journal of Long Abstracts",
              abstract: longAbstract),
        Paper(id: "P005", title: "Hostile \u{1B}[31mred\u{1B}[0m title \u{1B}]0;pwned\u{07} 漢字",
              authors: ["王, 小明", "Ærø, Åsa"], year: 2023, venue: "مؤتمر",
              abstract: "Escape \u{1B}[2J\u{1B}[H clears? No. CJK 情感识别 emoji 😀👩\u{200D}💻 ❤\u{FE0F} combining e\u{301}\u{302} RTL مرحبا بالعالم \u{202E}override\u{202C} tab\there bell\u{07} del\u{7F} C1\u{9B}31m IEMOCAP."),
    ]
}
