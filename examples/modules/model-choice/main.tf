# A reusable module that picks the cheapest MegaLLM model meeting a set of
# requirements, and fails the plan with a clear message when none does.
# Cheapest means the lowest input price, or, given a workload, the lowest cost
# of that workload, in currency (no model priced in it fails the plan, rather
# than choose the first by id). Given candidates, it picks the first of them
# that can be used instead, so that a model's retirement needs no edit.
#
# Every requirement applies both ways: with candidates too, a candidate whose
# workload costs more than require.max_workload_cost is passed over (the
# passed_over output lists it), and when no candidate qualifies the error
# names each one with its cost or what else it misses.
#
# type applies both ways too. Without candidates, megallm_models leaves out a
# model whose type the catalog does not report; with candidates, such a
# candidate is passed over (with a warning when a later one is chosen), since
# nothing says it is a model of that type, and when no candidate qualifies the
# error names it. type = null accepts models of any type, untyped ones
# included. A candidate of another type is an error: it is a mistake in the
# list, not a model that may not qualify.
#
# The provider's policy (configured by the caller) applies to both: denied,
# not allowed and retired models are never chosen, and negotiated prices
# decide what is cheapest and what a workload costs.
terraform {
  # Provider functions (estimate_cost, unmet_requirements) need Terraform 1.8,
  # which cannot parse this file before, and this constraint says so, as
  # HashiCorp's own function examples do. OpenTofu has them from 1.7 but checks
  # the constraint against its own version, so this module needs OpenTofu 1.8.
  required_version = ">= 1.8"
  required_providers {
    # A module states the oldest version it works with; the root module pins.
    megallm = {
      source  = "megallm/megallm"
      version = ">= 0.1"
    }
  }
}

variable "type" {
  description = "Model type, such as chat or embedding; null for any, models whose type the catalog does not report included. A model whose type the catalog does not report is never chosen for a type: without candidates it is left out, and with candidates it is passed over (the plan fails, naming it, when no other candidate qualifies). With candidates, a candidate of another type is an error."
  type        = string
  default     = "chat"
}

variable "require" {
  description = "Requirements the chosen model must meet, as the megallm_models require argument takes them, such as { supports_vision = true, max_workload_cost = 100 }. Every attribute applies, with or without candidates; a misspelt one fails the plan with a \"did you mean\", and max_workload_cost needs workload."
  # Not an object type: Terraform would drop an attribute the type does not
  # declare, so { supports_vison = true } would require nothing. The provider
  # checks every name, as it does in a configuration of its own.
  type     = any
  default  = {}
  nullable = false

  validation {
    condition     = can(keys(var.require))
    error_message = "require must be an object of requirements, such as { supports_vision = true, min_context_length = 128000 }."
  }
}

variable "candidates" {
  description = "Model ids in order of preference. When set, the first of them that exists, is allowed by the provider's policy, is not retired, is of type as the catalog reports it (a candidate whose type it does not report is passed over) and meets every requirement of require (max_workload_cost included, for the workload) is chosen, instead of the cheapest model; when none does, the plan fails and names each one with why. Null chooses the cheapest."
  type        = list(string)
  default     = null

  validation {
    condition     = var.candidates == null ? true : length(var.candidates) > 0
    error_message = "candidates is empty: list model ids in order of preference, or leave candidates null to choose the cheapest model."
  }

  validation {
    condition     = var.candidates == null ? true : alltrue([for id in var.candidates : try(id != "" && trimspace(id) == id, false)])
    error_message = "candidates has a null or blank id, or one with white space around it: write each id as the catalog lists it, such as \"gpt-4o-mini\", and leave out the ones a variable left null."
  }

  validation {
    condition     = var.candidates == null ? true : length(distinct(var.candidates)) == length(var.candidates)
    error_message = "candidates lists a model id more than once: list each model once, in order of preference."
  }
}

variable "workload" {
  description = "Tokens over a period you choose, such as a month, as { input_tokens = 1.2e9, output_tokens = 3e8 } (both required, any other attribute an error): without candidates, the model whose cost for them is lowest is chosen, and require.max_workload_cost bounds that cost (with candidates too). Null chooses by input price; a max_workload_cost without a workload fails the plan."
  # Not an object type, as require is not: Terraform would drop an attribute
  # the type does not declare, and price a smaller workload than written.
  type    = any
  default = null

  # Another attribute is the next validation's error: it may be a count
  # misspelt (input_token), which setting input_tokens to 0 would not fix.
  validation {
    condition     = var.workload == null ? true : try(var.workload.input_tokens != null && var.workload.output_tokens != null, false) || try(length(setsubtract(keys(var.workload), ["input_tokens", "output_tokens"])) > 0, false)
    error_message = "workload needs both input_tokens and output_tokens: set the one you have none of to 0."
  }

  # With candidates and no max_workload_cost, no data source reads workload,
  # so none would refuse another attribute (workload_cost would leave it out),
  # a count that is no number or a negative one (workload_cost would be null).
  # As a validation reads no other variable before Terraform 1.9, these apply
  # with or without candidates, ahead of the provider's own check.
  validation {
    condition = try(length(setsubtract(keys(var.workload), ["input_tokens", "output_tokens"])) == 0, true)
    error_message = format("%s Its attributes are \"input_tokens\" and \"output_tokens\".", join(" ", [
      for i, name in try(sort(setsubtract(keys(var.workload), ["input_tokens", "output_tokens"])), []) :
      i < 10 ? format("workload has no attribute %s.", length(name) > 64 ? format("%q… (%d characters)", substr(name, 0, 64), length(name)) : format("%q", name)) :
      format("workload has %d more attributes it does not take.", length(setsubtract(keys(var.workload), ["input_tokens", "output_tokens"])) - 10) if i <= 10
    ]))
  }

  validation {
    condition = alltrue([for name in ["input_tokens", "output_tokens"] : try(var.workload[name] == null || can(tonumber(var.workload[name])), true)])
    error_message = format("%s: write how many tokens the workload has as a number, such as 1.2e9.", join(" and ", [
      for name in ["input_tokens", "output_tokens"] : "workload.${name} is no number" if !try(var.workload[name] == null || can(tonumber(var.workload[name])), true)
    ]))
  }

  validation {
    condition = try(var.workload.input_tokens >= 0 && var.workload.output_tokens >= 0, true)
    error_message = format("%s: a token count is 0 or more. Write how many tokens the workload has, 0 for none.", join(" and ", [
      for name in ["input_tokens", "output_tokens"] : "workload.${name} is negative" if try(var.workload[name] < 0, false)
    ]))
  }
}

variable "currency" {
  description = "Currency of the price bounds in require, max_workload_cost included, and without candidates of the prices compared: a three-letter code such as USD or EUR. A model priced in another currency meets no price bound, and without candidates, when no model is priced in it, the plan fails."
  type        = string
  default     = "USD"
  nullable    = false
}

data "megallm_models" "cheapest" {
  count = var.candidates == null ? 1 : 0

  type     = var.type
  sort_by  = var.workload == null ? "input_cost" : "workload_cost"
  workload = var.workload
  require  = length(var.require) == 0 ? null : var.require # {} would set nothing, an error
  currency = var.currency

  lifecycle {
    postcondition {
      condition = length(self.ids) > 0
      error_message = (length(var.require) == 0 ?
        "No MegaLLM model of type ${local.quoted_type} can be used: check type (a type that no model has warns, with the catalog's types) and the provider's policy, which may allow no model of it." :
      "No MegaLLM ${local.type_words}model meets the requirements${local.cheapest_over_bound_words}")
    }

    # Models without the price compared, or priced in another currency, sort
    # last, by id: when the first is one, no model was compared, and it is
    # not the cheapest, just the first by id. (Terraform evaluates both sides
    # of ||, hence the try()s for an empty listing.)
    postcondition {
      condition = length(self.ids) == 0 || (
        (var.workload == null ? try(self.models[0].pricing.input_tokens_cost_per_million != null, false) : try(self.workload_costs[0] != null, false)) &&
        upper(coalesce(try(self.models[0].pricing.currency, null), "USD")) == local.currency
      )
      error_message = format("No MegaLLM %smodel%s %s, so none can be chosen as the cheapest (%q is only the first by id): %s",
        local.type_words, length(var.require) == 0 ? "" : " that meets the requirements",
        try(upper(coalesce(self.models[0].pricing.currency, "USD")) != local.currency, false) ? "is priced in ${local.currency}" : "has ${var.workload == null ? "an input price" : "the prices the workload needs"}",
        try(self.ids[0], ""),
        try(upper(coalesce(self.models[0].pricing.currency, "USD")) != local.currency, false) ?
        "set currency to the one they are priced in, such as ${jsonencode(self.models[0].pricing.currency)}, or give them prices in ${local.currency} in the provider's policy." :
      "give them prices in the provider's policy, or use candidates.")
    }
  }
}

# Given max_workload_cost, the cheapest model that meets the other
# requirements, which the error above names when the bound leaves none.
data "megallm_models" "cheapest_without_bound" {
  count = var.candidates == null && local.max_workload_cost != null && var.workload != null ? 1 : 0

  type     = var.type
  sort_by  = "workload_cost"
  workload = var.workload
  require  = local.requirements.others
  currency = var.currency
  limit    = 1
}

# With candidates: one model of the catalog, whose id the pattern of the
# listings below matches too. A pattern that matches no id of the catalog
# warns on id_regex, an argument of this module's own that its caller cannot
# see or change, when no candidate is in the catalog (megallm_model's error
# already says so, naming each); the checks read only the candidates of each
# listing.
data "megallm_models" "any_model" {
  count = var.candidates == null ? 0 : 1

  include_retired = true
  limit           = 1
}

# With candidates and max_workload_cost: megallm_model takes no workload, so
# two listings of the candidates (by an RE2 pattern that matches exactly their
# ids) find those that can be used (in the catalog, allowed, not retired) with
# what the workload costs with each, and those of them that meet the bound.
data "megallm_models" "candidates" {
  count = local.bound_candidates && var.workload != null ? 1 : 0

  id_regex = local.candidates_pattern
  workload = var.workload
  currency = var.currency
}

data "megallm_models" "candidates_within_bound" {
  count = local.bound_candidates ? 1 : 0

  id_regex = local.candidates_pattern
  workload = var.workload
  require  = local.requirements.bound
  currency = var.currency
}

# With candidates: every one the catalog has, in any letter case, for its
# type and to name the catalog's spelling of a miscased one.
data "megallm_models" "candidates_any_case" {
  count = var.candidates == null ? 0 : 1

  id_regex        = "(?i)${local.candidates_pattern}"
  include_retired = true
}

# With candidates: the first one that can be used and meets every other
# requirement, among those that max_workload_cost does not pass over.
data "megallm_model" "preferred" {
  count = var.candidates == null ? 0 : 1

  candidates = [for id in var.candidates : id if !can(local.over_bound_ids[id]) && !can(local.untyped[id])]
  require    = local.requirements.others
  currency   = var.currency

  lifecycle {
    precondition {
      condition     = length(local.other_type) == 0
      error_message = "type is ${local.quoted_type}, but candidates lists ${join(", ", [for m in local.other_type : "${local.quoted[m.id]}, a model of type ${local.quoted[m.type]}"])}: remove it from candidates, or set type to its type."
    }

    # Once max_workload_cost or type has passed a candidate over, megallm_model
    # would not name it: when no candidate qualifies, this error names them all.
    precondition {
      condition     = length(local.over_bound) == 0 && length(local.untyped) == 0 || length(local.qualifying) > 0
      error_message = "No candidate qualifies ${local.max_workload_cost == null ? "as a model of type ${local.quoted_type}" : "under ${local.bound_words}"}:\n  - ${join("\n  - ", [for id in var.candidates : local.candidate_words[id]])}\n\n${local.failure_advice}"
    }
  }
}

locals {
  max_workload_cost = try(var.require.max_workload_cost, null)
  # require split into max_workload_cost and the others, each a map when
  # require is one (a for expression makes an object; a conditional would
  # convert it), so that the provider's error for a map(string) says which
  # type to declare. An empty one is null: {} would set nothing, an error.
  require_is_map = try(var.require == tomap(var.require), false)
  requirements = {
    for part, r in {
      bound  = { for name, value in var.require : name => value if name == "max_workload_cost" }
      others = { for name, value in var.require : name => value if name != "max_workload_cost" }
    } : part => length(r) == 0 ? null : [r, try(tomap(r), null)][local.require_is_map ? 1 : 0]
  }

  # Without candidates: why no model meets a max_workload_cost.
  without_bound = one(data.megallm_models.cheapest_without_bound)
  cheapest_over_bound_words = (
    local.without_bound == null ? ": relax them." :
    length(local.without_bound.ids) == 0 ? ", even without max_workload_cost: relax them." :
    local.requirements.others == null ?
    format(": %s leaves none. The cheapest, %s, %s. Raise max_workload_cost.", local.bound_words, local.quoted[local.without_bound.ids[0]], local.cost_words[0]) :
    format(": %s leaves none. The cheapest that meets the others, %s, %s. Raise max_workload_cost, or relax the others.",
    local.bound_words, local.quoted[local.without_bound.ids[0]], local.cost_words[0])
  )

  # With candidates: each candidate that can be used, whether it meets
  # max_workload_cost and which other requirements it misses (as megallm_model
  # words them), and so the candidates the bound passes over and those that
  # qualify, in order.
  bound_candidates = var.candidates != null && local.max_workload_cost != null
  # Sorted, so that RE2 merges the ids' common prefixes: in the order given,
  # matching the catalog's ids took time in proportion to the catalog times
  # the candidates (seconds with 3,000 of them). Anchored, the order changes
  # nothing matched.
  candidates_pattern = var.candidates != null ? format("^(?:%s)$", join("|", [
    for id in sort(concat(var.candidates, flatten([for splits in values(local.prefixed) : splits[*][1]]), try(data.megallm_models.any_model[0].ids, []))) : replace(id, "/[\\\\.+*?()|\\[\\]{}^$]/", "\\$0")
  ])) : null
  # Each check below looks a candidate up in a map by id rather than searching
  # a list for it (contains, index, keys, a filter of the catalog), which made
  # a plan with thousands of candidates take minutes: every lookup is by id.
  candidate_list = coalesce(var.candidates, [])
  # Grouped (...), so that a duplicate id fails the validation of candidates
  # rather than this expression.
  candidate_position = { for i, id in local.candidate_list : id => i... }
  listed             = one(data.megallm_models.candidates)
  listed_at          = local.listed == null ? {} : { for i, id in local.listed.ids : id => i... }
  within_bound       = { for id in try(data.megallm_models.candidates_within_bound[0].ids, []) : id => true... }
  # The requirements other than max_workload_cost that each candidate within
  # it misses.
  unmet = {
    for id, at in local.listed_at : id => local.requirements.others == null ? [] : provider::megallm::unmet_requirements(local.listed.models[at[0]], local.requirements.others, var.currency)
    if can(local.within_bound[id]) && can(local.candidate_position[id])
  }
  usable = {
    for id, at in local.listed_at : id => {
      workload_cost = local.listed.workload_costs[at[0]]
      cost          = local.cost_words[at[0]]
      in_currency   = local.costed_in_currency[at[0]]
      within_bound  = can(local.within_bound[id])
      unmet         = can(local.within_bound[id]) ? local.unmet[id] : []
    } if can(local.candidate_position[id])
  }
  over_bound     = [for id in local.candidate_list : id if can(local.usable[id]) ? !local.usable[id].within_bound : false]
  over_bound_ids = { for id in local.over_bound : id => true... }
  qualifying = [
    for id in local.candidate_list : id
    if can(local.untyped[id]) ? false :
    can(local.usable[id]) ? local.usable[id].within_bound && length(local.usable[id].unmet) == 0 :
    can(local.unmet_typed[id]) ? length(local.unmet_typed[id]) == 0 : false
  ]
  # The first qualifying candidate is the one megallm_model chooses.
  first_qualifying = length(local.qualifying) == 0 ? -1 : local.candidate_position[local.qualifying[0]][0]
  # A candidate without a type is left to the check below, which names its
  # cost too when the bound passes it over as well: one entry, both reasons.
  passed_over_for_cost = [for i, id in local.candidate_list : id if i < local.first_qualifying && can(local.over_bound_ids[id]) && !can(local.untyped[id])]
  any_case             = try(data.megallm_models.candidates_any_case[0].models, [])
  other_type = [
    for m in local.any_case : m if var.type != null && can(local.candidate_position[m.id]) && m.type != null && m.type != var.type && m.model_lifecycle.status != "retired"
  ]
  other_type_ids = { for m in local.other_type : m.id => m.type... }
  # Given a type, the candidates whose type the catalog does not report: as
  # megallm_models leaves such models out of a type, they are passed over
  # (unless retired, which passes them over anyway, with its own reason).
  untyped = {
    for m in local.any_case : m.id => true...
    if var.type != null && can(local.candidate_position[m.id]) && m.type == null && m.model_lifecycle.status != "retired"
  }
  # Without max_workload_cost, once type has passed a candidate over: the
  # requirements each other candidate that can be used misses (megallm_model
  # would not name those passed over, so the error above names them all).
  unmet_typed = {
    for m in local.any_case : m.id => local.requirements.others == null ? [] : provider::megallm::unmet_requirements(m, local.requirements.others, var.currency)
    if length(local.untyped) > 0 && !local.bound_candidates && can(local.candidate_position[m.id]) && !can(local.untyped[m.id]) && m.model_lifecycle.status != "retired"
  }
  # The untyped candidates before the chosen one, which the check below warns
  # about, as megallm_model warns about those it passes over.
  passed_over_untyped = [
    for i, id in local.candidate_list : id
    if can(local.untyped[id]) && i < try(local.candidate_position[local.preferred.id][0], 0)
  ]
  untyped_over_bound = [for id in local.passed_over_untyped : id if can(local.over_bound_ids[id])]
  # The catalog's ids, and by their lower case its spellings of each.
  catalog_ids      = { for m in local.any_case : m.id => true... }
  catalog_spelling = { for m in local.any_case : lower(m.id) => m.id... }
  catalog_owner    = { for m in local.any_case : m.id => m.owned_by... }
  # Each candidate under a vendor prefix, as other gateways write ids
  # ("openai/gpt-4o"), split at each "/" in turn into [prefix, rest] (the
  # pattern above lists each rest too), since a catalog id may hold a "/"
  # itself ("meta/meta-llama/llama-3.3-70b-instruct"); and, first split first,
  # those whose rest names a catalog id as megallm_model reads it, as [prefix,
  # the catalog's id]: the catalog's id, in any letter case, after a prefix
  # each of whose parts is empty or its owner, in any letter case ("/gpt-4o",
  # "openai/openai/gpt-4o"), or of any vendor when the model reports no owner.
  prefixed = {
    for id in distinct(local.candidate_list) : id => [
      for i in range(1, length(split("/", id))) : [join("/", slice(split("/", id), 0, i)), join("/", slice(split("/", id), i, length(split("/", id))))]
    ] if strcontains(id, "/")
  }
  prefixed_tail = {
    for id, splits in local.prefixed : id => [
      for p in splits : [p[0], can(local.catalog_ids[p[1]]) ? p[1] : local.catalog_spelling[lower(p[1])][0]] if can(local.catalog_spelling[lower(p[1])])
    ]
  }
  without_prefix = {
    for id, named in local.prefixed_tail : id => [
      for p in named : p if local.catalog_owner[p[1]][0] == null ? true : alltrue([for v in split("/", p[0]) : v == "" || lower(v) == lower(local.catalog_owner[p[1]][0])])
    ]
  }
  # The candidates written otherwise than the catalog writes them.
  misnamed = [for id in local.candidate_list : id if !can(local.catalog_ids[id]) && (can(local.catalog_spelling[lower(id)]) || can(local.without_prefix[id][0]))]
  candidate_words = {
    for id in local.candidate_list : id => "${local.quoted[id]} ${
      can(local.untyped[id]) ? "has no type in the catalog, so it is not known to be a model of type ${local.quoted_type}" :
      can(local.other_type_ids[id]) ? "is a model of type ${local.quoted[local.other_type_ids[id][0]]}" :
      can(local.unmet_typed[id]) ? "does not meet require: ${join("; ", local.unmet_typed[id])}" :
      !can(local.usable[id]) && can(local.catalog_ids[id]) ? "cannot be used: it is retired" :
      !can(local.usable[id]) && can(local.catalog_spelling[lower(id)]) ?
      "is not in the catalog, which has ${local.quoted[local.catalog_spelling[lower(id)][0]]}: ids are case-sensitive" :
      !can(local.usable[id]) && can(local.without_prefix[id][0]) ?
      "is not in the catalog, which has ${local.quoted[local.without_prefix[id][0][1]]}, without the ${replace(local.without_prefix[id][0][0], "/", "") == "" ? "leading" : "vendor prefix"} ${local.quoted["${local.without_prefix[id][0][0]}/"]}" :
      !can(local.usable[id]) ? "cannot be used: it is not in the catalog, or the provider's policy does not allow it" :
      local.usable[id].within_bound ? "${local.usable[id].cost} but ${join("; ", local.usable[id].unmet)}" :
      local.usable[id].cost
    }"
  }
  # Raising the bound helps only a candidate priced in its currency.
  candidates_advice = (
    anytrue([for id, u in local.usable : u.workload_cost != null && u.in_currency]) ? "Raise max_workload_cost, or add a candidate that qualifies." :
    anytrue([for id, u in local.usable : u.workload_cost != null]) ? "No candidate is priced in ${local.currency}: set currency to a candidate's, or add a candidate priced in ${local.currency}." :
    "No candidate has the prices the workload needs: add one that has."
  )
  bound_words = try("require.max_workload_cost = ${local.max_workload_cost}", "")
  # What to do when no candidate qualifies, once max_workload_cost or type
  # (a candidate without one) has passed one over.
  failure_advice = join(" ", compact([
    length(local.misnamed) > 0 ? "Write each id as the catalog does." : "",
    length(local.over_bound) > 0 ? local.candidates_advice : "",
    length(local.untyped) == 0 ? "" : length(local.over_bound) > 0 ?
    "To accept a candidate the catalog gives no type for, set type = null (models of any type)." :
    "Add a candidate of type ${local.quoted_type} that qualifies, or set type = null to accept models of any type, those the catalog gives no type for included.",
  ]))

  # What the workload costs with each model of the listing at hand (there is
  # one at most), in its currency.
  costed   = one(concat(data.megallm_models.cheapest_without_bound, data.megallm_models.candidates))
  currency = upper(trimspace(var.currency))
  # Whether each model of that listing is priced in currency (a model whose
  # pricing names none is priced in USD, as the provider reads it).
  costed_in_currency = local.costed == null ? [] : [
    for m in local.costed.models : upper(coalesce(try(m.pricing.currency, null), "USD")) == local.currency
  ]
  cost_words = local.costed == null ? [] : [
    for i, cost in local.costed.workload_costs : cost == null ? "has no price for the workload" :
    !local.costed_in_currency[i] ?
    format("costs %s %s for the workload, a currency in which no bound in %s is met: set currency = %q to bound it in %s",
    cost, local.costed.models[i].pricing.currency, local.currency, local.costed.models[i].pricing.currency, local.costed.models[i].pricing.currency) :
    "costs ${cost}${try(" ${local.costed.models[i].pricing.currency}", "")} for the workload"
  ]

  # Every value a message quotes, by itself, quoted as the provider quotes
  # one (megallm.Quote): one over 64 characters by its first 64 and its
  # length, so that a pasted or generated value cannot flood the message,
  # and in JSON's quoting (as %q quotes), so that none can forge a line.
  quoted = {
    for v in toset([for v in concat([var.type], local.candidate_list, flatten([for splits in values(local.prefixed) : [for p in splits : "${p[0]}/"]]), local.any_case[*].id, local.any_case[*].type, try([local.without_bound.ids[0]], [])) : v if v != null]) :
    v => length(v) > 64 ? format("%q… (%d characters)", substr(v, 0, 64), length(v)) : format("%q", v)
  }
  quoted_type = var.type == null ? "null" : local.quoted[var.type]
  # type before "model": bare, unless quoting cut or escaped it.
  type_words = var.type == null ? "" : "${local.quoted_type == "\"${var.type}\"" ? var.type : local.quoted_type} "

  cheapest  = one(data.megallm_models.cheapest[*].models[0])
  preferred = one(data.megallm_model.preferred)
  # The outputs read the chosen model's attributes from whichever data source
  # chose it.
  chosen = {
    for name in ["id", "context_length", "max_output_tokens", "pricing", "model_lifecycle"] :
    name => local.preferred == null ? local.cheapest[name] : local.preferred[name]
  }
  # A candidate's workload cost is estimate_cost's, as megallm_models computes
  # it: null for a model without the prices the workload needs (estimate_cost
  # fails for it) or whose cost is too large to represent.
  workload_cost = (
    var.workload == null ? null :
    local.preferred == null ? one(data.megallm_models.cheapest[*].workload_costs[0]) :
    try(provider::megallm::estimate_cost(local.preferred, var.workload.input_tokens, var.workload.output_tokens), null)
  )
}

# A candidate passed over for want of a type warns, as megallm_model's
# passed-over candidates do; when none qualifies, the plan fails instead.
check "candidates_without_a_type" {
  assert {
    condition = length(local.passed_over_untyped) == 0
    error_message = format("Passed over %s: the catalog gives no type for %s, so %s not known to be %s of type %s. Set type = null to accept models of any type, those the catalog gives no type for included.%s",
      join(", ", [for id in local.passed_over_untyped : local.quoted[id]]), length(local.passed_over_untyped) == 1 ? "it" : "them",
      length(local.passed_over_untyped) == 1 ? "it is" : "they are", length(local.passed_over_untyped) == 1 ? "a model" : "models", local.quoted_type,
      length(local.untyped_over_bound) == 0 ? "" : format(" That alone does not accept a candidate over %s: %s.", local.bound_words,
    join("; ", [for id in local.untyped_over_bound : "${local.quoted[id]} ${local.usable[id].cost}"])))
  }
}

output "model_id" {
  description = "The first candidate that can be used and meets every requirement, or without candidates the cheapest model that meets them."
  value       = local.chosen.id
}

output "passed_over" {
  description = "With candidates and require.max_workload_cost: the candidates before the chosen one that the bound passed over, in order, each as { id, workload_cost } (in its pricing.currency; null when it has no price for the workload). Empty otherwise. The module warns about the candidates passed over because the catalog gives no type for them (with the cost of one the bound passes over too, which is not listed here), and megallm_model about those it passes over for other reasons."
  value = [
    for id in local.passed_over_for_cost : { id = id, workload_cost = local.usable[id].workload_cost }
  ]
}

output "context_length" {
  description = "Its context window, in tokens."
  value       = local.chosen.context_length
}

output "max_output_tokens" {
  description = "The most tokens it can produce in one answer."
  value       = local.chosen.max_output_tokens
}

output "input_cost_per_million" {
  description = "Its price per million input tokens."
  value       = try(local.chosen.pricing.input_tokens_cost_per_million, null)
}

output "workload_cost" {
  description = "What the workload costs with it, in its pricing.currency; null without a workload."
  value       = local.workload_cost
}

output "lifecycle_status" {
  description = "Its model_lifecycle.status under the provider's policy: active, deprecated or retired; null when the policy says nothing of it."
  value       = local.chosen.model_lifecycle.status
}
