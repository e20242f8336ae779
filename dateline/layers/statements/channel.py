"""Through what a statement reached the writer: "state TV", "a statement", "its Facebook
page", "an interview with the Iraqi Al-Sharqiya channel", "addressing the Doha Forum".

A channel noun of data/statements/channels.tsv after a preposition of the cue or of its
speaker ("said in a statement", "told state TV"), a verb that introduces one ("speaking
to Al Jazeera"), or the document that is the statement's subject ("the statement said");
never what is inside the content, and never an audience ("told reporters").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...syntax import find_child, sentence_of, trim
from .lexicon import Channels


class ChannelRules:
    """Mixed into StatementFinder (stage.py), whose parse and lexicons it reads, and whose
    `cue_entry`, `speaker_of` and `speaker_phrase` it calls."""

    doc: Doc
    channels: Channels

    def clause_after_channel(self, verb: Token) -> Token | None:
        """ "said in a statement that ...": the parser hangs the clause on the channel noun."""
        for prep in verb.children:
            obj = find_child(prep, ("pobj",)) if prep.dep_ == "prep" else None
            if obj is None or obj.lemma_.lower() not in self.channels.nouns:
                continue
            for clause in obj.children:
                if clause.dep_ in ("acl", "relcl", "ccomp") and find_child(clause, ("mark",), ("that",)) is not None:
                    return clause
        return None

    def channel_of(self, verb: Token, speaker_head: Token | None, content: tuple[int, int]) -> str | None:
        ch = self.channels
        lo, hi = content

        def outside(tok: Token) -> bool:
            return not (lo <= tok.i < hi)

        def is_channel_noun(tok: Token) -> bool:
            return tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower().rstrip(".") in ch.nouns
                                                      or tok.lower_ in ch.nouns)

        def phrase(tok: Token) -> str:
            # the channel noun with its prepositions ("an interview with ..."), not the
            # clause the parser may have hung on it ("a statement that ...")
            end = tok.i + 1
            for child in tok.rights:
                if child.dep_ in ("prep", "compound", "amod", "nmod") and child.i >= end:
                    end = child.right_edge.i + 1
                else:
                    break
            return self.channel_text(tok.left_edge.i, end)

        if verb.lemma_.lower() == "tell":
            obj = find_child(verb, ("dobj", "dative"))
            if obj is not None and outside(obj) and obj.lemma_.lower() not in ch.addressees \
                    and (is_channel_noun(obj) or obj.ent_type_ == "ORG"):
                return phrase(obj)
        if verb.dep_ == "acl" and is_channel_noun(verb.head):
            # "posted a message on Twitter blaming Iran": the outermost channel phrase
            top = verb.head
            while top.head.i != top.i and (is_channel_noun(top.head) or top.head.dep_ == "prep"
                                           and is_channel_noun(top.head.head)):
                top = top.head if is_channel_noun(top.head) else top.head.head
            return phrase(top)
        obj = find_child(verb, ("dobj",))
        if obj is not None and outside(obj) and is_channel_noun(obj):
            return phrase(obj)  # "posted a message on Twitter saying ..."
        # and the object, on which the parser may hang how it was said ("denied any
        # involvement in a statement posted online")
        anchors = [verb] + ([speaker_head] if speaker_head is not None else []) \
            + ([obj] if obj is not None and not outside(obj) else [])
        for anchor in anchors:
            for child in anchor.children:
                if child.dep_ == "prep" and child.lower_ in ch.prepositions and outside(child):
                    obj = find_child(child, ("pobj",))
                    if obj is not None and is_channel_noun(obj):
                        return phrase(obj)
                if child.dep_ in ("acl", "advcl", "csubj") and child.lemma_.lower() in ch.verbs and outside(child):
                    found = self.verb_channel(child)
                    if found:
                        return found
        if speaker_head is not None and speaker_head.head.lemma_.lower() in ch.verbs and speaker_head.dep_ == "nsubj":
            found = self.verb_channel(speaker_head.head)  # "Lavrov addressing the Doha Forum said"
            if found:
                return found
        return None

    def verb_channel(self, verb: Token) -> str | None:
        for dep in self.channels.verbs[verb.lemma_.lower()]:
            if dep == "dobj":
                obj = find_child(verb, ("dobj",))
            else:
                prep = find_child(verb, ("prep",), (dep.split(":", 1)[1],))
                obj = find_child(prep, ("pobj",)) if prep is not None else None
            # a forum, an outlet or a channel noun: "addressing the Doha Forum", "speaking to
            # Al Jazeera", "speaking on state radio"; not "speaking on condition of anonymity"
            lemma = obj.lemma_.lower().rstrip(".") if obj is not None else ""
            if obj is not None and lemma not in self.channels.addressees and (
                    obj.pos_ == "PROPN" or lemma in self.channels.nouns):
                return self.channel_text(obj.left_edge.i, obj.right_edge.i + 1)
        return None

    def channel_text(self, start: int, end: int) -> str:
        start, end = trim(self.doc, start, end)
        text = self.doc[start:end].text
        # "wrote on X.": the tokenizer keeps a sentence's full stop on a one-letter name
        last = self.doc[end - 1]
        if len(last.text) == 2 and last.text.endswith(".") and last.i == sentence_of(last).end - 1 - sentence_of(last)[-1].is_space:
            text = text[:-1]
        return text

    def channel_for(self, verb: Token, speaker_head: Token | None, document: Token | None,
                    found: tuple[int, int, str] | None) -> str | None:
        if document is not None:
            return self.doc[slice(*self.speaker_phrase(document))].text
        content = found[:2] if found else (verb.i, verb.i)
        channel = self.channel_of(verb, speaker_head, content)
        if channel is None and verb.dep_ in ("conj", "advcl") and (head_entry := self.cue_entry(verb.head)):
            # "said in an interview ... and said that ...": the occasion is shared
            channel = self.channel_of(verb.head, self.speaker_of(verb.head, head_entry),
                                      (verb.i, verb.right_edge.i + 1))
        return channel
