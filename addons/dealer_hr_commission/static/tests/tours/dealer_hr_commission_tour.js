import { registry } from "@web/core/registry";

// The commission officer's month end, typed into the real forms as `commission`: a new sheet of
// the month computed, Liu Gang given another coefficient with its reason, the sheet submitted for
// the station manager's and finance's approval and exported to XLSX.

const lineRow = (employee) => `.o_field_widget[name='line_ids'] .o_data_row:contains('${employee}')`;
const selectedRow = ".o_field_widget[name='line_ids'] .o_data_row.o_selected_row";

registry.category("web_tour.tours").add("dealer_hr_commission_sheet_tour", {
    steps: () => [
        {
            content: "Compute the month",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_compute']",
            run: "click",
        },
        {
            content: "A line per employee of a commission group",
            trigger: `${lineRow("Wang Qiang")} td[name='amount']`,
        },
        {
            content: "Edit Liu Gang's coefficient",
            trigger: `${lineRow("Liu Gang")} td[name='coefficient']`,
            run: "click",
        },
        {
            content: "The new coefficient",
            trigger: `${selectedRow} td[name='coefficient'] input`,
            run: "edit 0.8",
        },
        {
            content: "Why",
            trigger: `${selectedRow} td[name='coefficient_reason'] input`,
            run: "edit 本月带徒弟，系数下调",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "The change and its reason are posted on the sheet",
            trigger: ".o-mail-Message-body:contains('本月带徒弟')",
        },
        {
            content: "Submit for approval",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_submit']",
            run: "click",
        },
        {
            content: "The sheet waits for its approvers",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('To Approve')",
        },
        {
            content: "Catch the workbook when it is downloaded",
            trigger: ".o_form_view",
            run() {
                const { download } = odoo.loader.modules.get("@web/core/network/download");
                const original = download._download;
                download._download = async (options) => {
                    await original(options);
                    document.body.classList.add("o_dealer_xlsx_downloaded");
                    download._download = original;
                };
            },
        },
        {
            content: "Open the actions",
            trigger: ".o_cp_action_menus button[data-tooltip='Actions']",
            run: "click",
        },
        {
            content: "Export the sheet",
            trigger: ".o-dropdown--menu .o_menu_item:contains('Commission Sheet (XLSX)')",
            run: "click",
        },
        {
            content: "The workbook is downloaded",
            trigger: "body.o_dealer_xlsx_downloaded",
        },
    ],
});
