import { registry } from "@web/core/registry";

// The customer-service agent's day in the demo store, typed into the real forms as `csagent`:
// the follow-up call of a delivered order, the customer not satisfied, a complaint registered,
// answered and investigated; once the manager approved the solution, the customer accepts it
// and the complaint's follow-up call finds the customer satisfied.

const CUSTOMER = "彭宁";

const clickButton = (name, content) => ({
    content,
    trigger: `.o_form_view .o_statusbar_buttons button[name='${name}']`,
    run: "click",
});

const currentState = (label) => ({
    content: `The document is ${label}`,
    trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains('${label}')`,
});

const editText = (field, text) => ({
    content: `Write ${field}`,
    trigger: `.o_form_view .o_field_widget[name='${field}'] textarea`,
    run: `edit ${text}`,
});

const pickSelection = (field, label) => [
    {
        content: `Open ${field}`,
        trigger: `.o_form_view .o_field_widget[name='${field}'] input`,
        run: "click",
    },
    {
        content: `Choose ${label}`,
        trigger: `.o_select_menu_item:contains('${label}')`,
        run: "click",
    },
];

const pickMany2one = (field, text, item) => [
    {
        content: `Type ${text} in ${field}`,
        trigger: `.o_form_view .o_field_widget[name='${field}'] input`,
        run: `edit ${text}`,
    },
    {
        content: `Pick ${item}`,
        trigger: `.o-autocomplete--dropdown-menu .ui-menu-item > a:contains('${item}')`,
        run: "click",
    },
];

const openCall = (label) => [
    {
        content: "The agent's calls to make",
        trigger: `.o_list_view .o_data_row:contains('${CUSTOMER}'):contains('${label}') td[name='partner_id']`,
        run: "click",
    },
    {
        content: "The call script is there",
        trigger: `.o_form_view .o_field_widget[name='script'] textarea:value(/${CUSTOMER}/)`,
    },
];

registry.category("web_tour.tours").add("dealer_csi_agent_complaint_tour", {
    steps: () => [
        ...openCall("Service Follow-up"),
        editText("note", "换完机油后发动机有异响，顾问没解释清楚"),
        clickButton("action_unsatisfied", "The customer is not satisfied"),
        {
            content: "What the customer said is carried over",
            trigger: ".modal .o_field_widget[name='note'] textarea:value(/异响/)",
        },
        {
            content: "Open a complaint",
            trigger: ".modal .o_field_widget[name='next_step'] input[data-value='complaint']:checked",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The complaint is registered from the call",
            trigger: `body:not(:has(.modal)) .o_form_view .o_field_widget[name='partner_id']:contains('${CUSTOMER}'), body:not(:has(.modal)) .o_form_view .o_field_widget[name='partner_id'] input:value('${CUSTOMER}')`,
        },
        currentState("Registered"),
        ...pickSelection("department", "Reception"),
        ...pickMany2one("responsible_user_id", "Li Na", "Li Na"),
        clickButton("action_respond", "Respond to the customer"),
        currentState("Investigating"),
        ...pickSelection("category", "Service Attitude"),
        editText("investigation", "顾问交车时没有解释换油后的正常声音"),
        editText("solution", "技师上门检查并讲解，赠送一次免费检测"),
        clickButton("action_propose_solution", "Propose the solution to the manager"),
        currentState("Solution Proposed"),
    ],
});

registry.category("web_tour.tours").add("dealer_csi_agent_solved_tour", {
    steps: () => [
        currentState("Solution Approved"),
        {
            content: "Open the customer's acceptance",
            trigger: ".o_notebook_headers a[name='acceptance']",
            run: "click",
        },
        {
            content: "Who accepts",
            trigger: ".o_form_view .o_field_widget[name='acceptance_signed_by'] input",
            run: `edit ${CUSTOMER}`,
        },
        {
            content: "The customer signs the acceptance",
            trigger: ".o_field_widget[name='acceptance_signature'] .o_signature",
            run: "click",
        },
        {
            content: "Adopt the signature drawn from the name",
            trigger: ".modal .modal-footer button.btn-primary:contains('Adopt & Sign'):enabled",
            run: "click",
        },
        {
            content: "The signature is on the form",
            trigger: "body:not(:has(.modal)) .o_field_widget[name='acceptance_signature'] img.o_signature",
        },
        clickButton("action_customer_accept", "The customer accepted"),
        currentState("Accepted by Customer"),
        {
            content: "Open the Customer Care menu",
            trigger: ".o_main_navbar .o_menu_sections button:contains('Customer Care')",
            run: "click",
        },
        {
            content: "Back to the calls",
            trigger: ".o-dropdown--menu .dropdown-item:contains('Calls')",
            run: "click",
        },
        ...openCall("Complaint Follow-up"),
        editText("note", "检查后放心了，很满意"),
        clickButton("action_satisfied", "The customer is satisfied"),
        currentState("Done"),
    ],
});
