package provider

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/megallm/terraform-provider-megallm/internal/catalog"
	"github.com/megallm/terraform-provider-megallm/internal/megallm"
)

// One model as both data sources return it: its schema, its value and how
// the provider functions read it back.

// modelValues are m's attributes as both data sources return them, its
// lifecycle as of now, without a tfsdk struct (BENCHMARKS.md).
func modelValues(m *megallm.Model, now time.Time) map[string]attr.Value {
	t := modelTypes()
	capabilities := types.ObjectNull(t.capabilities)
	if c := m.Capabilities; c != nil {
		flags := make(map[string]attr.Value, len(megallm.CapabilityTable))
		for _, capability := range megallm.CapabilityTable {
			flags[capability.Field()] = types.BoolPointerValue(capability.Flag(c))
		}
		capabilities = types.ObjectValueMust(t.capabilities, flags)
	}
	pricing := types.ObjectNull(t.pricing)
	if p := m.Pricing; p != nil {
		pricing = types.ObjectValueMust(t.pricing, map[string]attr.Value{
			"input_tokens_cost_per_million":  types.Float64PointerValue(p.InputTokensCostPerMillion),
			"output_tokens_cost_per_million": types.Float64PointerValue(p.OutputTokensCostPerMillion),
			"currency":                       types.StringPointerValue(p.Currency),
		})
	}
	l := catalog.LifecycleOf(m, now)
	status := types.StringNull()
	if l.Status != "" {
		status = types.StringValue(string(l.Status))
	}
	return map[string]attr.Value{
		"id":                types.StringValue(m.ID),
		"type":              types.StringPointerValue(m.Type),
		"display_name":      types.StringPointerValue(m.DisplayName),
		"owned_by":          types.StringPointerValue(m.OwnedBy),
		"created_at":        types.StringPointerValue(dateString(m.CreatedAt)),
		"context_length":    types.Int64PointerValue(m.ContextLength),
		"max_output_tokens": types.Int64PointerValue(m.MaxOutputTokens),
		"capabilities":      capabilities,
		"pricing":           pricing,
		"model_lifecycle": types.ObjectValueMust(t.lifecycle, map[string]attr.Value{
			"status":                   status,
			"deprecated_at":            types.StringPointerValue(dateString(l.DeprecatedAt)),
			"retires_at":               types.StringPointerValue(dateString(l.RetiresAt)),
			"successor":                types.StringPointerValue(l.Successor),
			"days_to_retirement":       types.Int64PointerValue(l.DaysToRetirement),
			"deprecated_at_unreadable": types.BoolValue(l.DeprecatedAtUnreadable),
			"retires_at_unreadable":    types.BoolValue(l.RetiresAtUnreadable),
		}),
	}
}

// modelTypes are the types of a model object and of its nested objects,
// from modelAttributes, once.
var modelTypes = sync.OnceValue(func() (t struct {
	model, capabilities, pricing, lifecycle map[string]attr.Type
	terraform                               tftypes.Type
}) {
	attributes := modelAttributes()
	typeOf := func(a schema.Attribute) map[string]attr.Type {
		object, _ := a.GetType().(types.ObjectType)
		return object.AttrTypes
	}
	t.model = typeOf(schema.SingleNestedAttribute{Attributes: attributes})
	t.terraform = types.ObjectType{AttrTypes: t.model}.TerraformType(context.Background())
	t.capabilities, t.pricing, t.lifecycle = typeOf(attributes["capabilities"]), typeOf(attributes["pricing"]), typeOf(attributes["model_lifecycle"])
	return t
})

// modelAttributes is the schema of one model, every attribute computed.
func modelAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: "Model id, as sent in API requests (for example `gpt-4o-mini`). May contain `/` and `.`.",
			Computed:            true,
		},
		"type": schema.StringAttribute{
			MarkdownDescription: "Model type as the API lists it, such as `chat` or `embedding`. Null if the API does not say.",
			Computed:            true,
		},
		"display_name": schema.StringAttribute{
			MarkdownDescription: "Human-readable name, such as `GPT-4o mini`. Null if the API does not say.",
			Computed:            true,
		},
		"owned_by": schema.StringAttribute{
			MarkdownDescription: "Organisation that publishes the model, such as `openai` or `anthropic`. Null if the API does not say.",
			Computed:            true,
		},
		"created_at": schema.StringAttribute{
			MarkdownDescription: "When the model was released, as an RFC 3339 timestamp. Null if the API does not say.",
			Computed:            true,
		},
		"context_length": schema.Int64Attribute{
			MarkdownDescription: "Context window in tokens. Null if the API does not say.",
			Computed:            true,
		},
		"max_output_tokens": schema.Int64Attribute{
			MarkdownDescription: "Most tokens the model can produce in one answer. Null if the API does not say.",
			Computed:            true,
		},
		"capabilities": schema.SingleNestedAttribute{
			MarkdownDescription: "Features the model supports. Null when the API sends no capabilities; " +
				"a single capability the API omits is null too.",
			Computed:   true,
			Attributes: capabilityAttributes(),
		},
		"pricing": schema.SingleNestedAttribute{
			MarkdownDescription: "Price per million tokens. Null when the API sends no pricing (it is never a made-up zero).",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"input_tokens_cost_per_million": schema.Float64Attribute{
					MarkdownDescription: "Price of one million input (prompt) tokens. Null if the API does not say.", Computed: true,
				},
				"output_tokens_cost_per_million": schema.Float64Attribute{
					MarkdownDescription: "Price of one million output (completion) tokens. Null if the API does not say.", Computed: true,
				},
				"currency": schema.StringAttribute{
					MarkdownDescription: "Currency of the prices, such as `USD`. Null if the API does not say, which " +
						"counts as `USD`.",
					Computed: true,
				},
			},
		},
		"model_lifecycle": schema.SingleNestedAttribute{
			MarkdownDescription: "Where the model is in its lifecycle, from the API's lifecycle fields and the " +
				"provider's `policy` (of two dates, the earlier). Always an object, whose dates, `status`, `successor` " +
				"and `days_to_retirement` are null where nothing is known.",
			Computed: true,
			Attributes: map[string]schema.Attribute{
				"status": schema.StringAttribute{
					MarkdownDescription: "`active`, `deprecated` (from `deprecated_at` on) or `retired` (from " +
						"`retires_at` on), computed for today's date in UTC. Null when neither date is known.",
					Computed: true,
				},
				"deprecated_at": schema.StringAttribute{
					MarkdownDescription: "When the model is or was deprecated, as an RFC 3339 timestamp. Null if not known.", Computed: true,
				},
				"retires_at": schema.StringAttribute{
					MarkdownDescription: "When the model stops or stopped being served, as an RFC 3339 timestamp. Null if not known.",
					Computed:            true,
				},
				"successor": schema.StringAttribute{
					MarkdownDescription: "Id of the model to move to. Null if not known.", Computed: true,
				},
				"days_to_retirement": schema.Int64Attribute{
					MarkdownDescription: "Whole days (UTC) from today to `retires_at`; 0 once retired. Null without " +
						"a `retires_at`.",
					Computed: true,
				},
				"deprecated_at_unreadable": schema.BoolAttribute{
					MarkdownDescription: "Whether the catalog sent a `deprecated_at` that the provider cannot read " +
						"(a warning names it); never null. If so, `deprecated_at` is the policy's, or null, and the model " +
						"may be deprecated already: `require`'s `not_deprecated` is unmet.",
					Computed: true,
				},
				"retires_at_unreadable": schema.BoolAttribute{
					MarkdownDescription: "Whether the catalog sent a `retires_at` that the provider cannot read (a " +
						"warning names it); never null. If so, `retires_at` and `days_to_retirement` are the policy's, or null, and " +
						"the model may retire sooner, or be retired already: `require`'s `not_deprecated` and " +
						"`min_days_to_retirement` are unmet.",
					Computed: true,
				},
			},
		},
	}
}

// capabilityAttributes has a flag per row of megallm.CapabilityTable.
func capabilityAttributes() map[string]schema.Attribute {
	attributes := make(map[string]schema.Attribute, len(megallm.CapabilityTable))
	for _, c := range megallm.CapabilityTable {
		attributes[c.Field()] = schema.BoolAttribute{MarkdownDescription: "Whether the model " + c.Does + ". Null if the API does not say.", Computed: true}
	}
	return attributes
}

// modelParameter is the model argument every function takes.
func modelParameter() function.DynamicParameter {
	return function.DynamicParameter{
		Name:               "model",
		AllowUnknownValues: true,
		MarkdownDescription: "A model object: `data.megallm_model.NAME`, an element of `data.megallm_models.NAME.models`, " +
			"an entry of a saved `GET /models` answer (`jsondecode(file(...)).data[0]`, whose lifecycle dates are at " +
			"its root, with no status: `unmet_requirements` refuses them), or an object literal with the attributes the function needs. Attributes the function does not " +
			"read are ignored, such as those a saved catalog of a newer API may have (`supports_reasoning`, " +
			"`cached_input_tokens_cost_per_million`, or `max_input_tokens`, whose words are those of two names), and " +
			"a list (`tiers` in `pricing`) or a bool whose name is near one the function reads of another type (a root " +
			"`deprecated`, no `deprecated_at`); a `context_length` or `max_output_tokens` of 0, which a " +
			"saved entry may hold, is read as not reported, as the data sources read it. These are errors:\n" +
			"   - `data.megallm_models.NAME` itself, an object with none of a model's attributes, or an id alone " +
			"(`{ id = \"gpt-4o\" }`), which a function, having no catalog, cannot look up: a `megallm_model` data source can;\n" +
			"   - a misspelling of an attribute the function reads, at the model's root or in `capabilities` or " +
			"`pricing` (`capabilites`, `context_lenght`, `supports_vison`, `retire_at`, `stauts` for " +
			"`model_lifecycle.status`), or a model's attribute in another letter case (`Model_Lifecycle`);\n" +
			"   - a price per token or per thousand tokens, at the model's root or in `pricing` (`input_cost_per_token`, " +
			"as LiteLLM saves it), whose error gives it per million tokens;\n" +
			"   - an attribute that `model_lifecycle` does not have, or `lifecycle` for `model_lifecycle`;\n" +
			"   - an attribute of `capabilities`, `pricing` or `model_lifecycle` written at the model's root " +
			"(`supports_vision`, `input_tokens_cost_per_million`, `status`), except `currency` when it is null or " +
			"`pricing` has its own (`data.megallm_model.NAME` has its `currency` argument there), and the dates and " +
			"`successor`, which a saved entry has there: these are errors only when not null beside a " +
			"`model_lifecycle`, which is read instead.",
	}
}

// modelArgument reads a function's model, its first argument, and the
// lifecycle it states, which reads no clock (catalog.Stated).
func modelArgument(ctx context.Context, arg types.Dynamic) (*megallm.Model, catalog.Lifecycle, *function.FuncError) {
	var lifecycle catalog.Lifecycle
	m, err := readDynamic(ctx, arg, func(v tftypes.Value) (m *megallm.Model, err error) {
		m, lifecycle, err = readModel(v)
		return m, err
	})
	if err != nil {
		return nil, lifecycle, function.NewArgumentFuncError(0, err.Error())
	}
	return m, lifecycle, nil
}
