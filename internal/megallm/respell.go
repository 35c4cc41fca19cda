package megallm

import (
	"strconv"
	"strings"
)

// respellNames reads each model's type and owned_by as a configuration can
// name it: white space around one is taken out, and one that the catalog's
// other models write in another letter case takes the spelling most of them
// use (between as many, the first model's), each a NameRespelled problem. A
// configuration compares types and owners exactly and refuses one with white
// space around it, so as sent such a model could be named by no type or
// owned_by, or only by one that leaves out the others. indices are the
// models' positions in "data".
func (rev *review) respellNames(models []Model, indices []int) {
	rev.respell(models, indices, "type", func(m *Model) **string { return &m.Type })
	rev.respell(models, indices, "owned_by", func(m *Model) **string { return &m.OwnedBy })
}

// respell is respellNames for one field.
func (rev *review) respell(models []Model, indices []int, field string, value func(*Model) **string) {
	count := map[string]int{} // models per spelling, white space taken out
	for i := range models {
		if v := *value(&models[i]); v != nil {
			count[strings.TrimSpace(*v)]++
		}
	}
	spelling := make(map[string]string, len(count)) // by the name in lower case
	for i := range models {
		if v := *value(&models[i]); v != nil {
			name := strings.TrimSpace(*v)
			if s, ok := spelling[strings.ToLower(name)]; !ok || count[name] > count[s] {
				spelling[strings.ToLower(name)] = name
			}
		}
	}
	for i := range models {
		v := value(&models[i])
		if *v == nil { // or blank, nil already (clearNonsense)
			continue
		}
		sent, name := **v, strings.TrimSpace(**v)
		read := spelling[strings.ToLower(name)]
		if read == sent {
			continue
		}
		issue := "is the string " + Quote(sent) + ", read as " + Quote(read)
		if read == name {
			issue += " without the white space around it"
		} else {
			others := strconv.Itoa(count[read]) + " other models write it"
			if count[read] == 1 {
				others = "1 other model writes it"
			}
			issue += ", as " + others
		}
		rev.problems = append(rev.problems, Problem{Kind: NameRespelled, Index: indices[i], ModelID: models[i].ID, Field: field, Issue: issue})
		respelled := read // a variable of its own: taking read's address would put every model's on the heap
		*v = &respelled
	}
}
