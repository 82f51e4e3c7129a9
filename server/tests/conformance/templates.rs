//! Templates counselors manage: shared ones and each counselor's own, a name once per scope,
//! changed and removed, and counted when used.

use inquiry_server::store::records::TemplateRecord;

use crate::*;

fn t(no: &str, name: &str, owner: Option<&str>, type_no: Option<&str>) -> TemplateRecord {
    TemplateRecord {
        no: no.into(),
        name: name.into(),
        content: format!("{name} 내용"),
        type_no: type_no.map(str::to_owned),
        owner: owner.map(str::to_owned),
        use_count: 0,
    }
}

#[tokio::test]
async fn each_counselor_sees_the_shared_templates_and_their_own() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        s.write(move |tx| {
            tx.insert_template(&t("T2", "배송 안내", None, Some("L1")), 2)?;
            tx.insert_template(&t("P1", "내 인사", Some("C1"), None), 1000)?;
            tx.insert_template(&t("P2", "남의 인사", Some("C9"), Some("S1")), 1000)?;
            // The leaf's, its large type's, the general ones; shared and C1's own only.
            let names: Vec<_> = tx
                .answer_templates("S1", "C1")?
                .into_iter()
                .map(|t| t.name)
                .collect();
            assert_eq!(names, ["배송 안내", "공통", "내 인사"], "{engine}");
            let c9: Vec<_> = tx
                .answer_templates("S1", "C9")?
                .into_iter()
                .map(|t| t.no)
                .collect();
            assert_eq!(c9, ["P2", "T2", "T1"], "{engine}: the leaf's own first");
            let mine: Vec<_> = tx.templates_of("C1")?.into_iter().map(|t| t.no).collect();
            assert_eq!(
                mine,
                ["T1", "T2", "P1"],
                "{engine}: shared by name, then own"
            );

            // A name is taken within its scope only.
            assert!(tx.template_name_taken(None, "공통", None)?, "{engine}");
            assert!(
                !tx.template_name_taken(None, "공통", Some("T1"))?,
                "{engine}: itself"
            );
            assert!(
                !tx.template_name_taken(Some("C1"), "공통", None)?,
                "{engine}"
            );
            assert!(
                tx.template_name_taken(Some("C1"), "내 인사", None)?,
                "{engine}"
            );
            assert!(
                !tx.template_name_taken(Some("C2"), "내 인사", None)?,
                "{engine}"
            );

            let mut changed = tx.template("P1")?.unwrap();
            changed.name = "새 인사".into();
            changed.type_no = Some("S1".into());
            assert!(tx.update_template(&changed, T1)?, "{engine}");
            tx.count_template_use("P1")?;
            tx.count_template_use("P1")?;
            let read = tx.template("P1")?.unwrap();
            assert_eq!(
                (read.name.as_str(), read.use_count),
                ("새 인사", 2),
                "{engine}"
            );
            assert_eq!(
                read.owner.as_deref(),
                Some("C1"),
                "{engine}: the owner stays"
            );
            assert!(tx.delete_template("P1")?, "{engine}");
            assert!(!tx.delete_template("P1")?, "{engine}");
            assert_eq!(tx.template("P1")?, None, "{engine}");
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}
