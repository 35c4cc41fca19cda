# "Did you mean": the names the provider's catalog.Closest
# (internal/catalog/closest.go) suggests, in its order, so that a policy check
# in CI and a plan give the same advice for the same typo
# (internal/catalog/testdata/typos.json holds both to it).
package megallm

# _closest_ids(value, lowered): at most three names near value, read
# trimmed and lower-cased, of lowered (each name under it, lower-cased, as
# _lowered gives), closest first: the same name in another letter case; names a few optimal string
# alignment edits away (a transposition is one edit), at most a third of
# value's characters or two, and not every character retyped; then names
# that contain value, with ".", "_", " " and "-" read as one separator. A
# value with a vendor prefix ("openai/gpt-4o") is read by what follows each
# of its last three "/"s too, with separators folded, one edit further; a
# value under a wholly other vendor prefix is no near miss as a whole. Of
# names as close, the one near the whole comes first, then the one near its
# longest reading, then by name.
_closest_ids(value, lowered) := _closer_ids(value, lowered, 0)

# _closer_ids(value, lowered, closer): _closest_ids, with the edit bound of
# each reading that many edits lower.
_closer_ids(value, lowered, closer) := [n[2] | some n in array.slice(sort(_ranked(value, lowered, closer, [])), 0, 3)]

# _ranked(value, lowered, closer, of): [distance, reading, name] of the
# names of lowered near value as _closer_ids ranks them, all but those that
# rank after three names for sure, or with of [ids, vendorless] (the names
# are _led's starts of ids) after three ids.
_ranked(value, lowered, closer, of) := [[d, i, k] | some k, have in near; [d, i] := _nearness(reads, have, cutoff)] if {
	reads := [object.union(r, {"edited": _few_near_in_length(r, lowered), "bound": r.bound - closer}) | some r in _edit_readings(lower(trim_space(value)))]
	near := _maybe_near(reads, lowered)
	cutoff := _cutoff(reads, near, of)
}

# _cutoff(reads, near, of): the rank past which no name of near is ranked:
# for _unbounded names or fewer, the edit limit, as bounding it lower
# (_ceiling, _likeliest) costs more evaluations than the distances it
# spares (BENCHMARKS.md); else the third rank as they bound it.
_cutoff(reads, near, of) := reads[0].limit if count(near) <= _unbounded

else := cutoff if {
	ceiled := _third(of, {k: c | some k, have in near; c := _ceiling(reads, have)}, reads[0].limit)
	cutoff := _third(of, {k: n[0] | some k in _likeliest(reads, near, ceiled); n := _nearness(reads, near[k], ceiled)}, ceiled)
}

_unbounded := 16

# _maybe_near(reads, lowered): the names of lowered that _ceiling and
# _nearness may rank, found through lowered's indexes, not a pass of each
# rule over every name: those of a length near an edited reading's, and
# those that contain the last reading, with separators folded (the same
# name in another letter case among them), looked for only when some does.
_maybe_near(reads, lowered) := object.union(edited, contained) if {
	edited := {k: have | some r in reads; r.edited; some n, names in _by_length(lowered); abs(n - r.length) <= r.bound; some k, have in names}
	last := reads[count(reads) - 1].folded
	folded := _folded(lowered)
	contained := {k: lowered[k] | contains(folded.text, last); some k, text in folded.names; contains(text, last)}
}

# _by_length(lowered): the names of lowered by the length of their
# lower-cased text; _folded(lowered): that text of each with separators
# folded, and all of it, one a line. OPA keeps a function's value for the
# same arguments, but not an undefined one (these are always defined), so
# each is computed once per catalog (and indexes the comprehension of names
# by length, in one pass).
_by_length(lowered) := {n: names | some n in {m | some m in lengths}; names := {k: lowered[k] | lengths[k] == n}} if {
	lengths := {k: count(have) | some k, have in lowered}
}

_folded(lowered) := {"names": names, "text": concat("\n", [text | some text in names])} if {
	names := {k: _separators_folded(have) | some k, have in lowered}
}

# _likeliest(reads, lowered, cutoff): the three names of lowered that the
# fewest characters set apart from a reading (_unshared), within cutoff: the
# ranks of the nearest are often known so cheaply, and bound what else is
# computed, as _ceiling does.
_likeliest(reads, lowered, cutoff) := [n[1] | some n in array.slice(sort(apart), 0, 3)] if {
	edited := [[i, r, min([r.bound, cutoff - to_number(i > 0)])] | some i, r in reads; r.edited]
	count(edited) > 0
	apart := [[u, k] |
		some k, have in lowered
		u := min({(_unlike(e[0], e[1], have, e[2]) + to_number(e[0] > 0)) | some e in edited; abs(count(have) - e[1].length) <= e[2]})
	]
} else := []

# _lowered(names): each of names, lower-cased, by name.
_lowered(names) := {k: lower(k) | some k in names}

# _third(of, ranks, limit): the third of ranks (each name's), or with of
# [ids, vendorless] the third of the ids the names list (_listed, built only
# once some name ranks; each id at its nearest name's rank), or limit when
# there are fewer: no name ranked further than it can be among the first
# three or list one of the first three ids, so no edit distance further is
# computed.
_third(of, ranks, limit) := _third_of(sort([r | some r in ranks]), limit) if of == []

else := limit if count(ranks) == 0

else := _third_of(sort([p[1] | some j, p in pairs; not pairs[j - 1][0] == p[0]]), limit) if {
	listed := _listed(of[0], of[1])
	pairs := sort([[id, r] | some k, r in ranks; some id in listed[k]])
}

_third_of(sorted, limit) := sorted[2] if count(sorted) >= 3

else := limit

# _few_near_in_length(r, lowered): whether edit distances from reading r are
# computed: it is of 256 characters or fewer (no id is longer), and at most
# _max_edited of the lower-cased names (counted only when there are more) are
# of a length near it. Rego computes a distance in about half a millisecond
# (catalog.Closest in Go, in about a microsecond, has no such bound):
# thousands of ids of one length, such as the synthetic catalogs of make
# bench, would cost seconds an id. Past it, only a name in another letter
# case or one containing the value is suggested, where the provider may
# suggest more.
_few_near_in_length(r, lowered) := false if r.length > 256

else if count(lowered) <= _max_edited

else := sum([count(names) | some n, names in _by_length(lowered); abs(n - r.length) <= r.bound]) <= _max_edited

_max_edited := 500

# _ceiling(reads, have): a rank no further than the one _nearness gives a
# lower-cased name, when it is a suggestion for sure, cheaply: the edits
# _edits_at_most counts between what both start and end with.
_ceiling(reads, have) := 0 if have == reads[0].text

else := ceiling if {
	ceiling := min({(c + to_number(i > 0)) |
		some i, r in reads
		r.edited
		abs(count(have) - r.length) <= r.bound
		not _prefixed_apart(i, r.text, have)
		compared := _compared(i, have)
		pair := _residues(r.text, compared)
		c := _edits_at_most(pair[0], pair[1])
		c <= r.bound
		c < max([r.length, count(have)])
	})
}

else := reads[0].limit if _contained_in(reads, have)

# _edits_at_most(a, b): no fewer edits than residues a and b are apart: the
# longer's length, or one edit of the first character of either or both and
# the longer residue of what is left ("73-la", "13-lar": 2, not 6).
_edits_at_most(a, b) := min({e |
	some t in [[substring(a, 1, -1), substring(b, 1, -1)], [substring(a, 1, -1), b], [a, substring(b, 1, -1)]]
	pair := _residues(t[0], t[1])
	e := 1 + max([count(pair[0]), count(pair[1])])
} | {max([count(a), count(b)])})

# _nearness(reads, have, cutoff): [distance, reading] of a lower-cased name
# to the value read as reads, as catalog.Closest ranks it; undefined when it
# is no suggestion, or ranks further than cutoff. A containing name ranks at
# the edit limit.
_nearness(reads, have, cutoff) := [0, 0] if have == reads[0].text

else := nearest if nearest := min({[d + to_number(i > 0), i] | some i, r in reads; d := _reading_distance(i, r, have, cutoff - to_number(i > 0))})

else := [reads[0].limit, i] if {
	reads[0].limit <= cutoff
	i := _contained_in(reads, have)
}

# _contained_in(reads, have): the first reading, of three characters or more,
# that a lower-cased name contains, with separators folded; none when it
# lacks the last, with which every reading ends.
_contained_in(reads, have) := min({i | some i, r in reads; _contains_reading(i, r.folded); contains(folded, r.folded)}) if {
	count(reads[0].text) >= 3
	folded := _separators_folded(have)
	contains(folded, reads[count(reads) - 1].folded)
}

_contains_reading(0, _)

# "openai/o3" is "o3" without its prefix, but "o3" is in too many ids
_contains_reading(i, folded) if {
	i > 0
	count(folded) >= 3
}

# _reading_distance(i, r, have, cutoff): the edits from reading i to have
# (with separators folded for a reading without a prefix), when within the
# reading's bound and cutoff, and no retyping of every character. Cheap
# tests come first, as most names are far: the characters one has and the
# other lacks are edits of their own (a transposition moves none), and what
# both start and end with costs none, so only what lies between is aligned.
_reading_distance(i, r, have, cutoff) := d if {
	r.edited
	bound := min([r.bound, cutoff])
	_unlike(i, r, have, bound) <= bound
	pair := _residues(r.text, _compared(i, have))
	d := _residue_distance(pair[0], pair[1])
	d <= bound
	not _retyped(d, r.length, count(have))
	not _other_vendor(i, r.text, have)
}

# _unlike(i, r, have, bound): how many characters set reading i and have
# (compared as _reading_distance does) apart (_unshared), when within bound.
_unlike(i, r, have, bound) := unshared if {
	abs(count(have) - r.length) <= bound
	unshared := _unshared(r, _compared(i, have))
	unshared <= bound
}

# _unshared(r, b): the larger of how many characters of reading r that b
# lacks and how many of b that r lacks, counted with repeats: a lower bound
# on the edits between them.
_unshared(r, b) := max([r.length, count(b)]) - sum([min([n, strings.count(b, c)]) | some c, n in r.counts])

_compared(0, have) := have

_compared(i, have) := _separators_folded(have) if i > 0

# _residues(a, b): the strings a and b without what both start and end
# with.
_residues(a, b) := [substring(a, head, (count(a) - head) - tail), substring(b, head, (count(b) - head) - tail)] if {
	head := _shared_prefix(a, b)
	tail := _shared_prefix(strings.reverse(substring(a, head, -1)), strings.reverse(substring(b, head, -1)))
}

# _residue_distance(a, b): the edits between residues, which neither start
# nor end alike: the longer's length when one is empty or one character
# (less one when the other holds that character), else aligned.
_residue_distance(a, b) := max([count(a), count(b)]) - to_number(_within(a, b)) if min([count(a), count(b)]) <= 1

else := _osa_distance(a, split(b, "")) if count(a) >= count(b)

else := _osa_distance(b, split(a, ""))

# _within(a, b): the shorter of a and b is one character, which the other has.
_within(a, b) if {
	count(a) == 1
	contains(b, a)
}

_within(a, b) if {
	count(b) == 1
	contains(a, b)
}

# _shared_prefix(a, b): how many characters (up to 511) a and b start with
# alike, found by halving, from 8 for an a of fewer than 16, as most ids
# are, unless their first differ, as most do.
_shared_prefix(a, b) := 0 if substring(a, 0, 1) != substring(b, 0, 1)

else := _grown(a, b, _grown(a, b, _grown(a, b, _grown(a, b, 0, 8), 4), 2), 1) if count(a) < 16

else := _grown(a, b, _grown(a, b, _grown(a, b, _grown(a, b, _grown(a, b, _grown(a, b, _grown(a, b, _grown(a, b, _grown(a, b, 0, 256), 128), 64), 32), 16), 8), 4), 2), 1)

_grown(a, b, n, k) := n + k if {
	n + k <= count(a)
	substring(a, 0, n + k) == substring(b, 0, n + k)
} else := n

# _retyped: every character of the longer is retyped: "-" is not "id".
_retyped(d, m, n) if {
	d > 0
	d >= max([m, n])
}

# _edit_readings(want): want whole, then what follows each of its last three
# "/"s, longest first, with separators folded, each with its edit limit.
_edit_readings(want) := array.concat([_edit_reading(want, _separators_folded(want), 0)], [_edit_reading(tail, tail, 1) |
	some j, _ in parts
	j > 0
	j >= count(parts) - 3
	tail := _separators_folded(concat("/", array.slice(parts, j, count(parts))))
]) if parts := split(want, "/")

# A reading without a prefix, which comes later, must be closer than its
# limit (bound): the prefix left out is one edit.
_edit_reading(text, folded, later) := {"text": text, "folded": folded, "limit": limit, "bound": limit - later, "length": count(text), "counts": counts} if {
	limit := max([2, floor(count(text) / 3)])
	counts := {c: strings.count(text, c) | some c in split(text, "")}
}

_separators_folded(s) := regex.replace(s, `[._ ]`, "-")

# _other_vendor(i, want, have): reading i is want whole, both have a vendor
# prefix, and every character of one is retyped in the other: "meta/llama-3"
# is no near miss of "groq/llama-3".
_other_vendor(i, want, have) if {
	[w, h] := _prefixed_apart(i, want, have)
	_osa_distance(w, split(h, "")) >= max([count(w), count(h)])
}

# _prefixed_apart(i, want, have): the vendor prefixes of want and have, when
# reading i is want whole and both have one, each its own.
_prefixed_apart(0, want, have) := [w, h] if {
	contains(want, "/")
	contains(have, "/")
	w := regex.replace(want, `/[^/]*$`, "")
	h := regex.replace(have, `/[^/]*$`, "")
	w != h
}

# _osa_distance(s, t): the optimal string alignment distance (insertions,
# deletions, substitutions and adjacent transpositions, as catalog's
# boundedEditDistance counts them) between the string s and the characters
# t: Hyyro's bit-vector algorithm, with s's characters the bits of an
# integer, a step per character of t.
_osa_distance(s, t) := _osa({"m": count(s), "mask": bits.lsh(1, count(s)) - 1, "peq": {x: sum([bits.lsh(1, i) | some i in indexof_n(s, x)]) | some x in split(s, "")}}, t)

# _osa(p, t): the distance between p's characters and t's: the value of the
# last row after t's last column.
_osa(p, t) := count(t) if p.m == 0

else := s.score if {
	s := _osa_1(p, t, _osa_2(p, t, _osa_4(p, t, _osa_8(p, t, _osa_16(p, t, _osa_32(p, t, _osa_64(p, t, _osa_128(p, t, _osa_256(p, t, {"j": 0, "vp": p.mask, "vn": 0, "d0": 0, "pm": 0, "score": p.m})))))))))
}

# _osa_N(p, t, s): N more steps if t has N characters left, else s: the
# steps run in descending powers of two, a binary count of t's length (at
# most 341: 256 and the edit limit of a reading that long).
_osa_256(p, t, s) := _steps_128(p, t, _steps_128(p, t, s)) if count(t) - s.j >= 256

else := s

_osa_128(p, t, s) := _steps_128(p, t, s) if count(t) - s.j >= 128

else := s

_osa_64(p, t, s) := _steps_64(p, t, s) if count(t) - s.j >= 64

else := s

_osa_32(p, t, s) := _steps_32(p, t, s) if count(t) - s.j >= 32

else := s

_osa_16(p, t, s) := _steps_16(p, t, s) if count(t) - s.j >= 16

else := s

_osa_8(p, t, s) := _steps_8(p, t, s) if count(t) - s.j >= 8

else := s

_osa_4(p, t, s) := _steps_4(p, t, s) if count(t) - s.j >= 4

else := s

_osa_2(p, t, s) := _steps_2(p, t, s) if count(t) - s.j >= 2

else := s

_osa_1(p, t, s) := _osa_step(p, t, s) if count(t) - s.j >= 1

else := s

_steps_128(p, t, s) := _steps_64(p, t, _steps_64(p, t, s))

_steps_64(p, t, s) := _steps_32(p, t, _steps_32(p, t, s))

_steps_32(p, t, s) := _steps_16(p, t, _steps_16(p, t, s))

_steps_16(p, t, s) := _steps_8(p, t, _steps_8(p, t, s))

_steps_8(p, t, s) := _steps_4(p, t, _steps_4(p, t, s))

_steps_4(p, t, s) := _steps_2(p, t, _steps_2(p, t, s))

_steps_2(p, t, s) := _osa_step(p, t, _osa_step(p, t, s))

# _osa_step(p, t, s): the state after the column of t's next character: its
# vertical deltas (vp, vn), what the transposition term reads of it (d0, pm)
# and the value of its last row (score).
_osa_step(p, t, s) := {"j": s.j + 1, "vp": vp, "vn": vn, "d0": d0, "pm": pm, "score": score} if {
	pm := object.get(p.peq, t[s.j], 0)
	tr := bits.and(bits.lsh(bits.and(bits.xor(s.d0, p.mask), pm), 1), s.pm)
	d0 := bits.or(bits.or(bits.or(bits.and(bits.xor(bits.and(pm, s.vp) + s.vp, s.vp), p.mask), pm), s.vn), tr)
	hp := bits.or(s.vn, bits.xor(bits.or(d0, s.vp), p.mask))
	hn := bits.and(d0, s.vp)
	score := (s.score + bits.rsh(hp, p.m - 1)) - bits.rsh(hn, p.m - 1)
	hp_in := bits.and(bits.or(bits.lsh(hp, 1), 1), p.mask)
	vp := bits.or(bits.and(bits.lsh(hn, 1), p.mask), bits.xor(bits.or(d0, hp_in), p.mask))
	vn := bits.and(d0, hp_in)
}
